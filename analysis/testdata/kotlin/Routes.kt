package com.example

import io.ktor.http.HttpStatusCode
import org.springframework.http.HttpStatus

const val MAX_ITEMS = 200

fun describe(response: Response): String = when (response.code) {
    200 -> "ok" // @want 200:compare
    404, 410 -> "gone" // @want 404:compare 410
    in 500..599 -> "server error" // @want 500:bound
    else -> "status ${response.code} after ${500} ms"
}

fun handler(call: ApplicationCall) {
    call.response.status(HttpStatusCode.fromValue(418)) // @want 418
    val s = HttpStatus.NOT_FOUND // @want HttpStatus.NOT_FOUND=404
    repeat(200) { println(it) }
}

fun Route.orders() {
    get("/orders/{id}") {
        val order = find(call.parameters["id"]) ?: return@get call.respond(HttpStatusCode.NotFound) // @want HttpStatusCode.NotFound=404
        call.respond(HttpStatusCode.OK, order) // @want HttpStatusCode.OK=200
        call.respond(HttpStatusCode.Teapot)
    }
}
