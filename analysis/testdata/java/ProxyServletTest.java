package org.example.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.Test;

public class ProxyServletTest {
    private static final int MAX_RETRIES = 503; // not a status: a count

    @Test
    public void testBackendDown() throws Exception {
        ContentResponse response = client.newRequest("localhost", 8080).send();
        assertEquals(HttpStatus.BAD_GATEWAY_502, response.getStatus()); // @want HttpStatus.BAD_GATEWAY_502=502:expected:constant
        assertThat(response.getStatus(), equalTo(HttpStatus.OK_200)); // @want HttpStatus.OK_200=200:expected
        assertThat(response.getStatus(), equalTo(304)); // @want 304:expected
        assertThat(response.getContent().length, equalTo(404));
        assertThat("payload size", size, equalTo(500));
        int status = response.getStatus();
        if (status == HttpStatus.BAD_GATEWAY_502 || status < HttpStatus.OK_200) // @want HttpStatus.BAD_GATEWAY_502=502:compare HttpStatus.OK_200=200:bound
            retry();
    }

    @Test
    public void testRawResponse() throws Exception {
        String raw = connector.getResponse("GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(raw, startsWith("HTTP/1.1 404 ")); // @want 404:string:mention
        checkContains(raw, 0, "HTTP/1.1 200"); // @want 200:string
        String upgrade = "HTTP/1.1 101 Upgraded\r\n"; // @want 101:string
        String h2 = "HTTP/2 204"; // @want 204:string
        // The backend answers HTTP/1.0 503 while it restarts. @want 503:comment
        String version = "HTTP/1.1 2000 rows"; // neither a status nor a version
        String plain = "HTTP/1.1  200"; // two blanks: no status line
        if (expectedStatus == 200 || responseStatus != 204) { // @want 200:compare 204:compare
            fail("HTTP/1.1" + 418);
        }
    }

    @Test
    public void testParser() {
        parser.notifyBegin(200, "OK"); // @want 200:mention
        cache.put(404, "Gone");
        Pair<Integer, String> p = new Pair<>(500, "Bad Gateway");
    }

    @Test
    public void testTable() {
        assertEquals("Not Found", HttpStatus.getMessage(HttpStatus.NOT_FOUND_404)); // @want HttpStatus.NOT_FOUND_404=404:mention
        assertEquals(HttpStatus.Code.OK, HttpStatus.getCode(200)); // @want 200:mention
    }
}
