package com.example.sync;

import java.net.HttpURLConnection;
import java.net.URL;
import org.apache.http.HttpResponse;
import org.apache.http.HttpStatus;
import org.apache.http.client.methods.HttpGet;

public class LegacyClients {
    private static final int HTTP_TIMEOUT_MS = 500;

    int fetch(URL url) throws Exception {
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        conn.setConnectTimeout(HTTP_TIMEOUT_MS);
        int code = conn.getResponseCode();
        if (code == HttpURLConnection.HTTP_UNAVAILABLE) { // @want HttpURLConnection.HTTP_UNAVAILABLE=503:compare
            return retry(url);
        }
        if (conn.getResponseCode() != HttpURLConnection.HTTP_OK) { // @want HttpURLConnection.HTTP_OK=200:compare
            throw new IllegalStateException("unexpected " + code);
        }
        return code;
    }

    boolean found(HttpResponse response) {
        int status = response.getStatusLine().getStatusCode();
        if (status == HttpStatus.SC_TOO_MANY_REQUESTS) { // @want HttpStatus.SC_TOO_MANY_REQUESTS=429:compare
            backOff();
        }
        return status != HttpStatus.SC_NOT_FOUND; // @want HttpStatus.SC_NOT_FOUND=404:compare
    }
}
