"""Outbound calls to the billing API, retried on transient failures."""
import time
from typing import Sequence

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

TRANSIENT_STATUSES = {502, 503, 504}  # @want 502:condition:weak 503 504
RETRY_ON_5XX = frozenset({500, 502})  # @want 500 502
RETRY_DELAYS_MS = [100, 200, 500]
MAX_BODY = 200
PORTS = (80, 443, 8080)


def billing_session(total: int = 5, status_forcelist=(429, 500, 503)) -> requests.Session:  # @want 429:condition 500 503
    retry = Retry(total=total, backoff_factor=0.3, status_forcelist=[408, 429], allowed_methods=None)  # @want 408 429
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=100))
    return session


def poll(url: str, retry_statuses: Sequence[int] = (425, 503)):  # @want 425 503
    for delay in RETRY_DELAYS_MS:
        time.sleep(delay / 1000)
    time.sleep(500)
    return requests.get(url, timeout=300)


def json_response(payload: dict, status: int = 200, retries: int = 300):  # @want 200:status
    return payload, status
