use axum::{http::StatusCode, response::IntoResponse, Json};
use std::time::Duration;

const MAX_ITEMS: usize = 200;

/// Returns 404 when the item is missing. @want 404:comment
pub async fn get_item(Path(id): Path<u64>) -> impl IntoResponse {
    tokio::time::sleep(Duration::from_millis(500)).await;
    match repo::find(id, MAX_ITEMS) {
        Some(item) => (StatusCode::OK, Json(item)).into_response(), // @want StatusCode::OK=200
        None => (StatusCode::NOT_FOUND, "missing").into_response(), // @want StatusCode::NOT_FOUND=404
    }
}

pub fn custom<'a>(label: &'a str) -> StatusCode {
    let c = 'x';
    StatusCode::from_u16(429).unwrap() // @want 429:status
}

async fn check(client: &reqwest::Client) -> Result<(), Error> {
    let resp = client.get("http://localhost:8080/health").send().await?;
    if resp.status().as_u16() == 503 { // @want 503:compare
        return Err(Error::Unavailable);
    }
    match resp.status().as_u16() {
        200..=299 => Ok(()), // @want 200:bound
        404 => Err(Error::NotFound), // @want 404:compare
        _ => Err(Error::Other(r#"status 500 "quoted""#.into())), // @want 500:string
    }
}

fn permanent(status: StatusCode) -> bool {
    match status {
        StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND => true, // @want StatusCode::BAD_REQUEST=400:compare StatusCode::NOT_FOUND=404:compare
        _ => false,
    }
}

#[tokio::test]
async fn health_is_ok() {
    let res = app().oneshot(req("/health")).await.unwrap();
    assert_eq!(res.status(), 200); // @want 200:expected
    assert_eq!(res.body().len(), 200);
}

// The table a status type is built from: code, constant, reason phrase.
status_codes! {
    (100, CONTINUE, "Continue"); // @want 100:mention:strong
    (502, BAD_GATEWAY, "Bad Gateway"); // @want 502
    (256, RETRIES, "Bad Gateway");
}
