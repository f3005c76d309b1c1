package com.example.orders;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

// A JAX-RS resource: Response.status takes the Response.Status enum.
@Path("/orders")
public class OrderResource {
    @GET
    public Response list(@QueryParam("page") int page) {
        if (page < 0) {
            return Response.status(400).build(); // @diag SL005=400
        }
        if (page > 100) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.status(418).build(); // @diag SL002=418:info
    }
}
