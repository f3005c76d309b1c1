"""Order views written against the standard library under other names."""
import http
from http import HTTPStatus as S

from flask import Response


def get_order(order_id):
    if order_id is None:
        return Response(status=http.HTTPStatus.BAD_REQUEST)  # @want http.HTTPStatus.BAD_REQUEST=400:status
    return Response(status=S.OK)  # @want S.OK=200:status


def delete_order(order_id):
    if order_id == 0:
        return Response(status=S.NOT_FOUND)  # @want S.NOT_FOUND=404:status
    return Response(status=S.CREATED)  # @want S.CREATED=201:status


# S.OK in a comment names no status.
RETRY_SECONDS = 404
