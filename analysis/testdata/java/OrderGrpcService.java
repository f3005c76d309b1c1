package com.example.orders;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

// gRPC's Status spells its codes as JAX-RS does (Status.NOT_FOUND), but they
// are not HTTP statuses, and this file does not import JAX-RS.
public class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {
    @Override
    public void getOrder(GetOrderRequest req, StreamObserver<Order> out) {
        Order o = orders.find(req.getId());
        if (o == null) {
            out.onError(Status.NOT_FOUND.withDescription("no such order").asRuntimeException());
            return;
        }
        if (o.isLocked()) {
            out.onError(Status.BAD_REQUEST.asRuntimeException());
            return;
        }
        out.onNext(o);
        out.onCompleted();
    }
}
