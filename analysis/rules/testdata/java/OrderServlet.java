package com.example.orders;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

// A servlet beside a Spring controller: setStatus, sendError and comparisons
// take ints, which Spring's HttpStatus enum is not; ResponseEntity.status
// takes either.
public class OrderServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        int code = upstream.fetch(req.getPathInfo());
        if (code == 409) { // @diag SL005=409
            resp.sendError(413, "order too large"); // @diag SL005=413
            return;
        }
        resp.setStatus(202); // @diag SL005=202
    }

    public ResponseEntity<String> view(long id) {
        if (id < 0) {
            return ResponseEntity.status(422).build();
        }
        return ResponseEntity.status(404).build(); // @diag SL005=404
    }
}
