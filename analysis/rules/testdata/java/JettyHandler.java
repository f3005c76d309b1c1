package com.example.gateway;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

// A Jetty handler: its own HttpStatus ints, NOT_FOUND_404 and kin.
public class JettyHandler {
    public void handle(Request request, HttpServletResponse response) {
        if (request.getHeader("X-Token") == null) {
            response.setStatus(401); // @diag SL005=401
            return;
        }
        response.setStatus(HttpStatus.OK_200);
    }
}
