"""A Falcon service for stock levels, with a Pyramid fallback view."""

import falcon
from pyramid.httpexceptions import exception_response

CACHE_SECONDS = 300
NOT_CACHED = (204, 304)


class StockResource:
    def on_get(self, req, resp, sku):
        item = self.store.get(sku, limit=200)
        if item is None:
            raise falcon.HTTPError(falcon.HTTP_404, title="unknown sku")  # @want falcon.HTTP_404=404
        resp.status = falcon.HTTP_OK  # @want falcon.HTTP_OK=200:status
        resp.media = item

    def on_post(self, req, resp):
        self.store.add(req.media, 201)
        resp.status = falcon.HTTP_201  # @want falcon.HTTP_201=201
        if self._status in [204, 304]:  # @want 204:compare 304:compare
            resp.cache_control = ["max-age=%d" % CACHE_SECONDS]
        if req.content_length in [100, 200]:
            resp.complete = True


def legacy_view(request):
    if request.matchdict.get("sku") is None:
        raise exception_response(404)  # @want 404:error
    return render(request, "stock.pt", timeout=500)
