"""Views that import status constants by name."""
from fastapi import APIRouter, HTTPException
from starlette.status import HTTP_201_CREATED, HTTP_404_NOT_FOUND  # @want HTTP_201_CREATED=201:mention HTTP_404_NOT_FOUND=404:mention
from rest_framework.status import (  # the errors this view raises
    HTTP_400_BAD_REQUEST,  # @want HTTP_400_BAD_REQUEST=400:mention
    HTTP_422_UNPROCESSABLE_ENTITY as UNPROCESSABLE,
)

router = APIRouter()
HTTP_204_NO_CONTENT = "never imported: a name of this module"


@router.post("/items", status_code=HTTP_201_CREATED)  # @want HTTP_201_CREATED=201:status
async def create_item(item: Item):
    if await repo.exists(item.sku):
        raise HTTPException(status_code=HTTP_400_BAD_REQUEST, detail="duplicate sku")  # @want HTTP_400_BAD_REQUEST=400:status
    return await repo.add(item)


@router.get("/items/{sku}")
async def read_item(sku: str):
    item = await repo.get(sku)
    if item is None:
        raise HTTPException(status_code=HTTP_404_NOT_FOUND)  # @want HTTP_404_NOT_FOUND=404:status
    if item.broken:
        log.error(HTTP_204_NO_CONTENT)
    return item
