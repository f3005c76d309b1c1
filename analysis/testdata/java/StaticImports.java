package com.example.orders;

import static org.springframework.http.HttpStatus.*;
import static jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED; // @want HttpServletResponse.SC_UNAUTHORIZED=401:mention

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;

public class StaticImports {
    private static final int OK_COUNT = 200;

    ResponseEntity<Order> create(Order order) {
        return ResponseEntity.status(CREATED).body(order); // @want CREATED=201:status
    }

    ResponseEntity<Void> missing() {
        return new ResponseEntity<>(NOT_FOUND); // @want NOT_FOUND=404
    }

    void deny(HttpServletResponse response) throws java.io.IOException {
        response.sendError(SC_UNAUTHORIZED, "no access"); // @want SC_UNAUTHORIZED=401:error
    }

    int ok() {
        return OK_COUNT;
    }
}
