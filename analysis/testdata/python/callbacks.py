"""Callbacks for the responses library, and a moto-style mock of the orders API."""
import json

import responses


def order_callback(request):
    payload = json.loads(request.body)
    if "id" not in payload:
        return (400, {"Content-Type": "application/json"}, json.dumps({"error": "id"}))  # @want 400:status
    headers = {"request-id": "728d329e"}
    return (201, headers, json.dumps(payload))  # @want 201:status


class OrdersResponse:
    def get_order(self, order_id):
        if order_id not in self.orders:
            return 404, {}, ""  # @want 404:status
        return 200, self.response_headers, json.dumps(self.orders[order_id])  # @want 200:status

    def page(self):
        return 100, 0, 0

    def totals(self):
        return 200, "pending"


responses.add_callback(responses.POST, "https://api.example.com/orders", callback=order_callback)
