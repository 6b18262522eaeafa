"""Reading the files a test's responses serve."""

from django.core.signals import request_finished
from django.db import close_old_connections
from django.http.response import HttpResponseBase


def close_file(response: HttpResponseBase) -> None:
    """Close the response (and the file it serves) as the test client does: without ending
    the request, which would close the test's database connection on PostgreSQL."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
