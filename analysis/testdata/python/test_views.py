import pytest
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


@pytest.mark.parametrize("path, expected_status", [("/orders/", 200), ("/orders/404/", 404), ("/old/", 301)])  # @want 200 404#2 301:expected
def test_pages(client, path, expected_status):
    assert client.get(path).status_code == expected_status


@pytest.mark.parametrize(
    "page_size,status_code",
    [
        (200, 200),  # @want 200#2:status
        pytest.param(500, 400, id="too large"),  # @want 400:status
        (100, status.HTTP_404_NOT_FOUND),  # @want status.HTTP_404_NOT_FOUND=404:status:eco=drf
    ],
)
def test_page_sizes(client, page_size, status_code):
    assert client.get("/orders/", {"size": page_size}).status_code == status_code


@pytest.mark.parametrize("status", [500, 502, 503])  # @want 500 502 503:status
def test_retries(client, status):
    pass


@pytest.mark.parametrize("size,timeout", [(200, 404), (500, 503)])
def test_limits(size, timeout):
    pass


@pytest.mark.parametrize(("method", "expected_status"), [("GET", 200), ("DELETE", 405)])  # @want 200 405:expected
def test_methods(client, method, expected_status):
    assert client.generic(method, "/orders/").status_code == expected_status


class RedirectTests(TestCase):
    def test_old_urls(self):
        for url, expected_status in [("/old/", 301), ("/gone/", 410)]:  # @want 301 410:expected
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, expected_status)
        for status in (500, 502):  # @want 500 502:status
            self.assertTrue(status)
        for size, retries in [(200, 404)]:
            self.assertTrue(size)
        for page in [200, 404]:
            self.assertTrue(page)


def test_upstream_errors(make_request):
    make_request(upstream_status=503, exit_status=100, substatus=404)  # @want 503:status:weak
    backend_status = 502  # a local, which says less than a keyword @want 502:status:weak
    return make_request(DEFAULT_STATUS=404)  # @want 404:status:weak


class LegacyRedirectTests(TestCase):
    def test_login(self):
        self.getPage("/login")
        self.assertStatus((302, 303))  # @want 302:condition:weak 303
        check_status(self.status, [200, 206], "/login")  # @want 200:condition:weak 206
        self.assertBody(("/login", 404))
        set_sizes([200, 404])
