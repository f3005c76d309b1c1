package com.example.orders

import io.ktor.http.HttpStatusCode.Companion.Created
import io.ktor.http.HttpStatusCode.Companion.NotFound
import io.ktor.server.response.respond

fun Route.orders(repo: OrderRepository) {
    post("/orders") {
        val order = repo.add(call.receive())
        call.respond(Created, order) // @want Created=201:status
    }
    get("/orders/{id}") {
        val order = repo.find(call.parameters["id"]) ?: return@get call.respond(NotFound) // @want NotFound=404:status
        val BadRequest = order.rejected
        call.respond(order, BadRequest)
    }
}
