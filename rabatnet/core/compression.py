"""Compress text responses on the wire: brotli where no secret is in the body, else gzip.

BREACH reads a secret out of a compressed body whose size an attacker can watch while
reflecting guesses into the same body. Django's ``GZipMiddleware`` pads gzip output with
random bytes (in the gzip header's file name) to blur those sizes; brotli has no such field.
So (docs/decisions/0021-compression-and-the-public-page-cache.md):
- brotli only for a response that carries no secret: no CSRF token rendered into it, no
  session (nobody signed in), no cookie set by it;
- every other response gets Django's padded gzip (``GZipMiddleware``, unchanged).
Only the text types listed in ``COMPRESSIBLE`` are compressed (HTML, SVG, JSON, CSV, XML,
CSS, JavaScript, plain text); an XLSX or a PDF is already compressed.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import cast

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

COMPRESSIBLE = (
    "text/html",
    "text/css",
    "text/csv",
    "text/plain",
    "text/xml",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
MIN_SIZE = 200  # smaller bodies grow when compressed
BROTLI_QUALITY = 5  # per response: fast, close to gzip -9 in size


def is_compressible(response: HttpResponseBase) -> bool:
    """A text type (``COMPRESSIBLE``, or ``+json``/``+xml``) not already encoded."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if response.has_header("Content-Encoding"):
        return False
    return content_type in COMPRESSIBLE or content_type.endswith(("+json", "+xml"))


def accepted_encodings(request: HttpRequest) -> set[str]:
    """The codings the client named in Accept-Encoding, less those it refused with q=0."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _sep, params = part.strip().partition(";")
        quality = params.replace(" ", "").lower()
        if name and quality not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(name.strip().lower())
    return accepted


def carries_no_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    """True when the body holds nothing per visitor that BREACH could read out."""
    return (
        not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not response.cookies
    )


def brotli_stream(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Each chunk compressed and flushed at once, so a stream stays a stream."""
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        data = compressor.process(chunk) + compressor.flush()
        if data:
            yield data
    yield compressor.finish()


def use_brotli(response: HttpResponseBase) -> HttpResponseBase:
    """Encode ``response`` with brotli in place (whole body or stream)."""
    if isinstance(response, StreamingHttpResponse):
        # Never async here: compress() leaves async streams to Django's gzip.
        chunks = cast(Iterator[bytes], response.streaming_content)
        response.streaming_content = brotli_stream(chunks)
        del response.headers["Content-Length"]
    elif isinstance(response, HttpResponse):
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
    else:
        return response
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag
    response.headers["Content-Encoding"] = "br"
    return response


class CompressionMiddleware:
    """Brotli or padded gzip for text responses; first in ``MIDDLEWARE`` (sees every byte)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        return compress(request, response, self.gzip)


def compress(
    request: HttpRequest, response: HttpResponseBase, gzip: GZipMiddleware
) -> HttpResponseBase:
    """``response`` encoded as the client accepts and the body allows."""
    if not is_compressible(response):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    if not response.streaming and len(getattr(response, "content", b"")) < MIN_SIZE:
        return response
    encodings = accepted_encodings(request)
    if (
        "br" in encodings
        and not getattr(response, "is_async", False)
        and carries_no_secret(request, response)
    ):
        return use_brotli(response)
    if "gzip" in encodings:
        return gzip.process_response(request, response)
    return response
