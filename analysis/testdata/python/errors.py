"""Error pages of the storefront blueprint."""
from flask import Blueprint, Flask, jsonify, render_template

app = Flask(__name__)
shop = Blueprint("shop", __name__)
MAX_ITEMS = 500


@app.errorhandler(404)  # @want 404:error
def not_found(error):
    return render_template("404.html"), 404  # @want 404#2:status


@shop.app_errorhandler(500)  # @want 500:error
def crashed(error):
    return jsonify(error="internal"), 500  # @want 500


class QuotaError(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def check_quota(used, limit=200):
    if used > limit:
        raise QuotaError("quota exceeded", 429)  # @want 429:error:weak
    if used > MAX_ITEMS:
        raise QuotaError("way over", 300)


app.register_error_handler(410, not_found)  # @want 410:error


class Outcome(IntEnum):
    """The statuses the storefront answers with, as http.HTTPStatus has them."""

    OK = 200, "OK"  # @want 200:mention
    NOT_FOUND = (404, "Not Found")  # @want 404:mention
    MISSING = 404
    CREATED = 202


class PaymentRequired(HTTPException):
    """Raised when the cart needs a paid plan; werkzeug answers with its code."""

    code = 402  # @want 402:error:weak
    description = "Upgrade to check out more than 500 items."

    def __init__(self, plan):
        super().__init__()
        self.code = 409 if plan == "frozen" else 402  # @want 409:error:weak 402:error:weak


class Throttled(APIException):
    status_code: int = 429  # @want 429:status
    wait = 300


class ApplicationNotFound(PinpointExceptions):
    code = 404  # @want 404:error:weak
    retries = 404


class _RetryAfter(HTTPException):
    def __init__(self, retry_after=None):
        super().__init__()


class TooManyRequests(_RetryAfter):
    code = 429  # @want 429:error:weak


class HTTPOk(WSGIHTTPException):
    code = 200  # @want 200:status:weak


class HTTPCreated(HTTPOk):
    code = 201  # @want 201:status:weak


class Settings2(Settings):
    code = 404


class Settings:
    code = 404
    retries = 500
