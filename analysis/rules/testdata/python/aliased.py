"""Upload views importing HTTPStatus under a short name."""
import http
from http import HTTPStatus as S

from flask import Response


def upload(request):
    if request.content_length > 10_000_000:
        return Response(status=http.HTTPStatus.REQUEST_ENTITY_TOO_LARGE)  # @diag SL006=http.HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    if not request.files:
        return Response(status=400)  # @diag SL005=400
    return Response(status=S.CREATED)
