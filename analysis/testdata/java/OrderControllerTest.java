package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrderControllerTest {
    @Test
    void missingOrder() throws Exception {
        mockMvc.perform(get("/orders/404"))
            .andExpect(status().is(404)) // @want 404:expected
            .andExpect(status().isNotFound()); // @want status().isNotFound=404:expected
        ResponseEntity<String> r = rest.getForEntity("/orders/1", String.class);
        assertEquals(200, r.getStatusCodeValue()); // @want 200:expected
        assertEquals(200, r.getBody().length());
        assertThat(r.getStatusCode().value()).isEqualTo(200); // @want 200:expected
        given().when().get("/orders").then().statusCode(200); // @want 200:expected
        webClient.get().uri("/orders").exchange().expectStatus().isEqualTo(503); // @want 503:expected
        webClient.get().uri("/orders/9").exchange().expectStatus().isNotFound(); // @want expectStatus().isNotFound=404:expected
        assertTrue(order.status().isOk());
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        if (conn.getResponseCode() != 200) { // @want 200:compare
            fail("status");
        }
        ByteChunk body = new ByteChunk();
        int rc = getUrl("http://localhost:" + getPort() + "/orders", body, null);
        Assert.assertEquals(200, rc); // @want 200:expected
        int exit = runScript("cleanup.sh");
        Assert.assertEquals(0, exit);
        Assert.assertEquals(120, body.getLength());
        Assert.assertEquals(429, valve.getHighConcurrencyStatus()); // @want 429:expected
        assertThat(e.getResponseStatusCode(), is(404)); // @want 404:expected
        Assert.assertEquals(100, task.getExitStatus());
    }
}
