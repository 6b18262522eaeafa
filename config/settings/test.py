"""Settings for the test suite: fast hashing, e-mail in memory, tasks run inline."""

import tempfile
import uuid
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHE_URL, cache_from_url

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Serve static files from the apps' folders: tests run without collectstatic (which would
# cost every test run its time and write into var/); the compression middleware compresses
# them on the fly there, and test_compression checks collectstatic's .gz and .br apart.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Built PDFs and uploads of a test run go to a temporary folder, not var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rabatnet-test-media-"))
# One cache per test process unless CACHE_URL names one (CI runs the cache tests on Redis).
# Its keys carry this run's prefix: the test database counts revisions from 0 again.
CACHES = {
    "default": (
        {**cache_from_url(CACHE_URL), "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Tests roll their transactions back, revision counters with them: a page kept in one test
# would be served to the next. The cache's own tests switch it on (override_settings).
PUBLIC_PAGE_CACHE = False
# Two-factor is required of nobody unless a test says otherwise (override_settings).
TWO_FACTOR_REQUIRED_ROLES = []
# Links in test mails: an HTTPS address, as production has.
SITE_URL = "https://testserver"
