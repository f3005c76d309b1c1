"""Orders API in Flask: no HTTPStatus import yet, so the fix adds one."""
import logging

from flask import Flask, abort, jsonify, redirect

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.get("/orders/<int:order_id>")
def get_order(order_id):
    if order_id == 0:
        abort(200)  # @diag SL004=200
    if order_id < 0:
        abort(404)  # @diag SL005=404
    if order_id > 10**9:
        abort(422)  # HTTPStatus.UNPROCESSABLE_CONTENT needs Python 3.13: no suggestion
    return jsonify(id=order_id), 200  # @diag SL005=200


@app.get("/old/<int:order_id>")
def old_order(order_id):
    return redirect(f"/orders/{order_id}", code=301)  # @diag SL005=301
