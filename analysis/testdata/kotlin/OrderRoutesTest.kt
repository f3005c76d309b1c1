package com.example.orders

import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import io.ktor.http.HttpStatusCode

class OrderRoutesTest : StringSpec({
    "a missing order is not found" {
        testApplication {
            val response = client.get("/orders/999")
            response.status shouldBe HttpStatusCode.NotFound // @want HttpStatusCode.NotFound=404:expected
            response.status.value shouldBe 404 // @want 404:expected
            response.status.value shouldNotBe 500 // @want 500:expected
        }
    }
    "the list holds a page" {
        testApplication {
            val orders = client.get("/orders?limit=200").body<List<Order>>()
            orders.size shouldBe 200
        }
    }
})
