package com.example.sync;

import java.net.HttpURLConnection;
import java.net.URL;

// Plain JDK client code: the file already names HttpURLConnection's
// constants, so its other numbers get them too.
public class UrlFetcher {
    int fetch(URL url) throws java.io.IOException {
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        int code = conn.getResponseCode();
        if (code == HttpURLConnection.HTTP_OK) {
            return code;
        }
        if (code == 404) { // @diag SL005=404
            return -1;
        }
        if (conn.getResponseCode() == 418) {
            return -2;
        }
        throw new java.io.IOException("unexpected " + code);
    }
}
