package com.example.orders;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/orders")
public class OrderController {
    private static final int PAGE_SIZE = 200;
    private static final long TIMEOUT_MS = 500L;

    /**
     * Returns the order, or 404 if it does not exist. @want 404:comment
     */
    @GetMapping("/{id}")
    public ResponseEntity<Order> get(@PathVariable long id) {
        Order o = repo.findById(id, PAGE_SIZE);
        if (o == null) {
            return ResponseEntity.status(404).build(); // @want 404:status
        }
        if (o.isArchived()) {
            throw new ResponseStatusException(HttpStatus.GONE, "archived");
        }
        return ResponseEntity.status(HttpStatus.OK).body(o); // @want HttpStatus.OK=200:status
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // @want HttpStatus.CREATED=201
    public void create(@RequestBody Order o, HttpServletResponse response) throws Exception {
        if (o.getItems().size() > 500) {
            response.sendError(413, "too many items"); // @want 413:error
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK); // @want HttpServletResponse.SC_OK=200
        response.setStatus(202); // @want 202
        response.setStatus(o.isDraft() ? 202 : 201); // @want 202:status 201:status
        int batch = o.isDraft() ? 200 : 500;
        Thread.sleep(500);
    }

    @ApiResponse(responseCode = "404", description = "Order not found") // @want 404:string:documented
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        int code = client.delete(id).getStatusCode().value();
        if (code == 409) { // @want 409:compare
            return ResponseEntity.status(HttpStatus.CONFLICT).build(); // @want HttpStatus.CONFLICT=409
        }
        return new ResponseEntity<>(HttpStatus.NO_CONTENT); // @want HttpStatus.NO_CONTENT=204
    }
}
