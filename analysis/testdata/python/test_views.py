from django.test import TestCase
from rest_framework import status


class OrderTests(TestCase):
    def test_list(self):
        response = self.client.get("/orders/?page=2&limit=200")
        self.assertEqual(response.status_code, 200)  # @want 200:expected
        self.assertEqual(len(response.json()), 200)
        self.assertEqual(response.status_code, status.HTTP_200_OK)  # @want status.HTTP_200_OK=200:eco=drf
        self.assertRedirects(response, "/login/", status_code=302, target_status_code=200)  # @want 302 200:expected

    def test_missing(self):
        response = self.client.get("/orders/404/")
        assert response.status_code == 404  # @want 404:compare
        assert len(response.content) > 404
