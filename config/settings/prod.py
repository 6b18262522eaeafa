"""Production settings: refuse to start without the secrets and the database."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    PRODUCTION_HSTS_PRELOAD,
    PRODUCTION_HSTS_SECONDS,
    PRODUCTION_MISSING_VARIABLES,
    PRODUCTION_SSL_REDIRECT,
    TRUSTED_PROXY_COUNT_FROM_ENV,
)

if PRODUCTION_MISSING_VARIABLES:
    raise ImproperlyConfigured(
        f"Production settings need the {PRODUCTION_MISSING_VARIABLES[0]} environment variable."
    )

DEBUG = False
DEMO_DATA = False
SECURE_SSL_REDIRECT = PRODUCTION_SSL_REDIRECT
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = PRODUCTION_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = PRODUCTION_HSTS_PRELOAD
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Behind one TLS proxy that appends the client's address to X-Forwarded-For; the sign-in
# lock reads that entry (accounts/lockout.py). Set 0 when nothing stands in front.
TRUSTED_PROXY_COUNT = 1 if TRUSTED_PROXY_COUNT_FROM_ENV is None else TRUSTED_PROXY_COUNT_FROM_ENV
