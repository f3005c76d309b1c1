"""Messages shown on the error pages."""

ERROR_TEXT = {
    400: "Bad request",  # @want 400:mention:strong
    403: "You are not allowed to see this page",  # @want 403:mention:weak
    404: "Page not found",  # @want 404
    502: "Upstream gateway failed",  # @want 502
}

TOKEN_ERRORS = {1001: "Invalid token", 1002: "Token expired"}
PAGE_TITLES = {100: "Intro", 200: "Chapter two"}


def forbidden(request, exception):
    """Generic handler: answers with a plain message."""
    return {"error": "Forbidden (403)", "hint": "see section (300)"}  # @want 403:string:weak


# A back-reference and an octal escape, not statuses.
REPEATED = re.compile(r"(\1xx|){6}")
LETTERS = "\101\102"
