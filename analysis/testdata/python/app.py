"""Orders service.

Returns 404 when an order does not exist and 503 while the database is @want 404:comment 503:comment
in maintenance. Pages hold 200 items; requests time out after 500 ms.

    if order is None:
        self.set_status(404)  @want 404:comment:weak
        return Response("gone", status=410); time.sleep(500)  @want 410:comment:weak
    retry(count=300, delay=(200))
"""
import time
from http import HTTPStatus

import requests
from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse
from flask import Flask, abort, jsonify, make_response

app = Flask(__name__)
api = FastAPI()
PAGE_SIZE = 200
TIMEOUT = 500


@app.route("/orders/<int:order_id>")
def get_order(order_id):
    order = db.get(order_id, limit=200)
    if order is None:
        abort(404)  # @want 404:error
    if order.archived:
        return jsonify(error="gone"), 410  # @want 410:status
    if order.locked:
        return make_response(jsonify(error="locked"), 423)  # @want 423
    return jsonify(order.to_dict()), 200, {"Cache-Control": "max-age=300"}  # @want 200


@api.get("/items/{item_id}", status_code=200, responses={404: {"description": "Not found"}})  # @want 200:status 404:documented
async def read_item(item_id: int, limit: int = 100):
    if item_id > 1000:
        raise HTTPException(status_code=404, detail="Item not found")  # @want 404:status
    if item_id == 500:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)  # @want status.HTTP_401_UNAUTHORIZED=401:eco=starlette
    if item_id < 0:
        return JSONResponse(content=None, status_code=410 if item_id == -1 else 404)  # @want 410:status 404:status
    batch = [i for i in range(item_id) if i % 200 == 0]
    return JSONResponse(content={"id": item_id}, status_code=HTTPStatus.CREATED)  # @want HTTPStatus.CREATED=201


def legacy_reply(permanent, found):
    status = 200  # @want 200:status:weak
    if not found:
        status = 404  # @want 404:status:weak
    if permanent is not None:
        status = 301 if permanent else 302  # @want 301:status:weak 302:status:weak
    retries = 3
    status = 128 + retries
    return status


def h2_response(conn, stream_id):
    conn.send_headers(stream_id, [(":status", "200"), ("content-length", "404")])  # @want 200:status


def fetch(url):
    time.sleep(0.5)
    resp = requests.get(url, timeout=300)
    if resp.status_code == 200:  # @want 200:compare
        return resp.json()
    if resp.status_code in (502, 503, 504):  # @want 502:compare 503 504
        time.sleep(500)
        return None
    if resp.status_code == requests.codes.not_found:  # @want requests.codes.not_found=404
        return None
    match resp.status_code:
        case 401 | 403:  # @want 401:compare 403
            raise PermissionError("denied")
        case 429:  # @want 429
            time.sleep(int(resp.headers.get("Retry-After", 120)))
    resp.raise_for_status()
    return {"status": 404, "items": 200, "retries": 3}  # @want 404:status


def wsgi_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])  # @want 200:string
    return [b"hello"]


class Handler:
    def get(self):
        self.set_status(201)  # @want 201
        self.send_error(500, reason="boom")  # @want 500:error
        status = 200  # @want 200:status:weak
        return status
