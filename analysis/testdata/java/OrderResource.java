package com.example.orders;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

@Path("/orders")
public class OrderResource {
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        if (id < 0) {
            return Response.status(Response.Status.BAD_REQUEST).build(); // @want Response.Status.BAD_REQUEST=400:status:eco=jaxrs
        }
        Order o = orders.find(id);
        if (o == null) {
            return Response.status(Status.NOT_FOUND).entity("no such order").build(); // @want Status.NOT_FOUND=404:eco=jaxrs
        }
        return Response.status(200).entity(o).build(); // @want 200:status
    }
}
