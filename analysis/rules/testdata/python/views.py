from http import HTTPStatus

from fastapi import HTTPException


def upload(size: int):
    if size > 10_000_000:
        raise HTTPException(status_code=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)  # @diag SL006=HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    return {"ok": True}
