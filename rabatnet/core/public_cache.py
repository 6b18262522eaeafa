"""Public pages for anonymous visitors, kept in Django's cache per language and data revision.

``PUBLIC_PAGES`` names, by URL name, the pages kept and the revision counters
(``core.revisions``) of the data each shows; a page that depends on today (freshness) also
keys on the date. A key holds scheme, host, language, path and query, and the current
revision token, so a publication, an import or a reference-data load (each raising its
counter) makes the old entries unreachable: nothing is deleted, they expire.

Kept only: a GET by a visitor without a session or a messages cookie, answered 200, not
streamed, setting no cookie, with no CSRF token rendered into it and not marked private.
The entry holds the answer's headers and its body in every encoding (identity, gzip,
brotli), compressed once when stored. No secret is ever in it, so neither BREACH nor the
padding applies (docs/decisions/0021-compression-and-the-public-page-cache.md).
"""

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import brotli
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from . import revisions
from .compression import accepted_encodings, is_compressible
from .revisions import FOLLOWUP, GUIDES, MEETINGS, NEWSLETTER, REFERENCE, STATISTICS

CACHE_ALIAS = "default"
TIMEOUT = 60 * 60 * 24 * 7  # a week; entries of an old revision are never read again
MARKER = "X-Public-Cache"  # "hit" or "miss": which way the answer came


@dataclass(frozen=True)
class PublicPage:
    """What a kept page depends on: revision counters, and the date when ``daily``."""

    revisions: tuple[str, ...]
    daily: bool = False


PUBLIC_PAGES: dict[str, PublicPage] = {
    "core:home": PublicPage((REFERENCE,)),
    "countries:list": PublicPage((REFERENCE,)),
    "countries:detail": PublicPage((REFERENCE, GUIDES)),
    "guides:detail": PublicPage((GUIDES, REFERENCE)),
    "statistics:profile": PublicPage((STATISTICS, REFERENCE)),
    "statistics:profile_chart": PublicPage((STATISTICS, REFERENCE)),
    "statistics:catalogue": PublicPage((STATISTICS,), daily=True),
    "statistics:dataset": PublicPage((STATISTICS,), daily=True),
    "api:index": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    "api:list_countries": PublicPage((REFERENCE,)),
    "api:get_country": PublicPage((REFERENCE,)),
    "api:list_objectives": PublicPage((REFERENCE,)),
    "api:list_themes": PublicPage((REFERENCE,)),
    "api:list_datasets": PublicPage((STATISTICS,), daily=True),
    "api:get_dataset": PublicPage((STATISTICS,), daily=True),
    "api:list_indicators": PublicPage((STATISTICS,)),
    "api:list_observations": PublicPage((STATISTICS, REFERENCE)),
    "api:guide_editions": PublicPage((GUIDES, REFERENCE)),
    # The map, its embed and its downloads (each state: every layer's data).
    "imap:map": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    "imap:embed": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    "imap:svg": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    "imap:png": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    "imap:csv": PublicPage((STATISTICS, REFERENCE, GUIDES)),
    # The Rabat Review: the archive and the sent issues (NEWSLETTER rises on send and edit).
    "newsletter:archive": PublicPage((NEWSLETTER,)),
    "newsletter:issue": PublicPage((NEWSLETTER,)),
    # The follow-up of the strategy: verified data only (FOLLOWUP rises on every save).
    "strategy:dashboard": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:matrix": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:matrix_csv": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:matrix_svg": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:report": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:report_pdf": PublicPage((FOLLOWUP, REFERENCE)),
    "strategy:diff": PublicPage((FOLLOWUP, REFERENCE)),
    "api:strategy_progress": PublicPage((FOLLOWUP, REFERENCE)),
    # Meetings (issue 11): the list splits upcoming from past, so it keys on the date too.
    "meetings:list": PublicPage((MEETINGS, REFERENCE), daily=True),
    "meetings:csv": PublicPage((MEETINGS, REFERENCE)),
    # A meeting shows the open actions of the previous one, flagged overdue by the date.
    "meetings:detail": PublicPage((MEETINGS, REFERENCE), daily=True),
    "api:list_meetings": PublicPage((MEETINGS, REFERENCE)),
    "api:get_meeting": PublicPage((MEETINGS, REFERENCE)),
}
# Cookies that make a page per visitor: the session (signed in, or a form's state) and
# messages waiting to be shown.
PER_VISITOR_COOKIES = ("messages",)
# What a kept page may vary on: the key holds the language, the entry every encoding, and a
# visitor with a session never reads the cache. Any other Vary (HX-Request...) is not kept.
KEYED_VARY = {"accept-encoding", "accept-language", "cookie"}


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD without a session or a messages cookie, not from htmx (a partial)."""
    if request.method not in ("GET", "HEAD") or "HX-Request" in request.headers:
        return False
    cookies = (settings.SESSION_COOKIE_NAME, *PER_VISITOR_COOKIES)
    return not any(name in request.COOKIES for name in cookies)


def public_page(request: HttpRequest, language: str) -> PublicPage | None:
    """The registry entry of the page asked for, None when it is not kept."""
    if request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
        return None
    with translation.override(language):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return PUBLIC_PAGES.get(match.view_name)


def cache_key(request: HttpRequest, language: str, page: PublicPage) -> str:
    """Scheme, host, language, path, query and the data revision (and the day if daily)."""
    parts = [
        request.scheme or "",
        request.get_host(),  # validated against ALLOWED_HOSTS: a bad host answers 400
        language,
        request.get_full_path(),
        revisions.token(*page.revisions),
    ]
    if page.daily:
        parts.append(timezone.now().date().isoformat())
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"public-page:{digest}"


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """The answer is the same for every anonymous visitor and holds no secret."""
    cache_control = response.get("Cache-Control", "").lower()
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return (
        request.method == "GET"
        and response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and not response.has_header("Content-Encoding")
        and vary <= KEYED_VARY
    )


def entry_of(response: HttpResponse) -> dict[str, Any]:
    """Headers and the body in each encoding, as stored in the cache."""
    body = response.content
    bodies = {"identity": body}
    if is_compressible(response):
        patch_vary_headers(response, ("Accept-Encoding",))
        if len(body) >= 200:
            # Not the identity body: a tenth of the size to read back on every hit (the
            # rare client that takes no compression gets the gzip body decompressed).
            bodies = {
                "br": brotli.compress(body, quality=9),
                "gzip": gzip.compress(body, compresslevel=9, mtime=0),
            }
    skipped = {"content-length", "content-encoding", "set-cookie", MARKER.lower()}
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in skipped]
    return {"headers": headers, "bodies": bodies}


def response_of(entry: dict[str, Any], request: HttpRequest, marker: str) -> HttpResponse:
    """The stored answer in the best encoding the client accepts."""
    accepted = accepted_encodings(request)
    bodies = entry["bodies"]
    coding = next((c for c in ("br", "gzip") if c in bodies and c in accepted), None)
    if coding:
        body = bodies[coding]
    else:
        body = bodies["identity"] if "identity" in bodies else gzip.decompress(bodies["gzip"])
    response = HttpResponse(b"" if request.method == "HEAD" else body)
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers["Content-Length"] = str(len(body))
    if coding:
        response.headers["Content-Encoding"] = coding
    response.headers[MARKER] = marker
    return response


class PublicPageCacheMiddleware:
    """Serve kept public pages from the cache; keep the ones that may be kept.

    Comes right after the compression middleware, before everything else: a hit costs a
    URL match and one query (the revision numbers), not the middleware stack. What the
    stack adds (security headers, CSP, language) is stored with the page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.PUBLIC_PAGE_CACHE or not is_anonymous_read(request):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=True)
        page = public_page(request, language)
        if page is None:
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = cache_key(request, language, page)
        entry = cache.get(key)
        if entry is not None:
            return response_of(entry, request, "hit")
        response = self.get_response(request)
        if not isinstance(response, HttpResponse) or not storable(request, response):
            return response
        entry = entry_of(response)
        cache.set(key, entry, TIMEOUT)
        return response_of(entry, request, "miss")
