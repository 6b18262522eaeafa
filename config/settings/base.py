"""Settings shared by every environment.

Only this module reads the environment, through the one ``env`` object.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
DATA_DIR = BASE_DIR / "data"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
# DEBUG as the environment gives it, None when unset: each settings module picks its default.
DEBUG_FROM_ENV: bool | None = env.bool("DEBUG", default=None)
DEBUG = bool(DEBUG_FROM_ENV)
# Demo data (the loaders ``load_demo`` and ``load_demo_guides``, with their public
# passwords) may be loaded only where this is on: ``make run`` and ``make setup``.
DEMO_DATA = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The dialogue this instance serves; another dialogue loads its own reference data.
# Its name in each language of the interface.
DIALOGUE_NAME = {
    "en": env.str("DIALOGUE_NAME_EN", default="Rabat Process"),
    "fr": env.str("DIALOGUE_NAME_FR", default="Processus de Rabat"),
}
DIALOGUE_MEMBERS_FILE = env.path(
    "DIALOGUE_MEMBERS_FILE", default=str(DATA_DIR / "reference" / "rabat_process_countries.csv")
)
DIALOGUE_MEMBERSHIP_PERIODS_FILE = env.path(
    "DIALOGUE_MEMBERSHIP_PERIODS_FILE",
    default=str(DATA_DIR / "reference" / "rabat_process_membership_periods.csv"),
)
DIALOGUE_FRAMEWORK_FILE = env.path(
    "DIALOGUE_FRAMEWORK_FILE", default=str(DATA_DIR / "strategy" / "dakar_strategy.json")
)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "rabatnet.core.admin.RabatnetAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "simple_history",
    "rabatnet.core",
    "rabatnet.countries",
    "rabatnet.strategy",
    "rabatnet.accounts",
    "rabatnet.network",
    "rabatnet.sources",
    "rabatnet.guides",
    "rabatnet.statistics",
    "rabatnet.imap",
    "rabatnet.forums",
    "rabatnet.newsletter",
    "rabatnet.meetings",
    "rabatnet.followup",
    "rabatnet.support",
    "rabatnet.questionnaires",
    "rabatnet.api",
]

MIDDLEWARE = [
    # Compression sees every byte that leaves; the public page cache answers before the
    # rest of the stack (docs/decisions/0021-compression-and-the-public-page-cache.md).
    "rabatnet.core.compression.CompressionMiddleware",
    "rabatnet.core.public_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rabatnet.core.middleware.PrivateCacheControlMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "rabatnet.accounts.middleware.OTPVerificationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "rabatnet.core.access.AccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes comes last: it turns a lockout into a clear response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rabatnet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "rabatnet.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite under var/ by default; PostgreSQL in production through DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'rabatnet.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Measured (see DESIGN.md): Django's SQLite defaults fail read-then-write
    # requests with "database is locked"; these settings do not.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
# Shared by every worker: public pages (core/public_cache.py), charts, rendered guides.
# Files under var/cache by default; Redis when CACHE_URL says redis://, rediss:// or
# unix://; any other CACHE_URL as django-environ reads it (e.g. dbcache://table).
CACHE_URL = env.str("CACHE_URL", default="")


def cache_from_url(url: str) -> dict:
    """The default cache of ``CACHE_URL`` (files under var/cache when empty)."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return environ.Env.cache_url_config(url)


CACHES = {"default": cache_from_url(CACHE_URL)}
# Anonymous public pages kept per data revision (off in the test settings but for its tests).
PUBLIC_PAGE_CACHE = True
IMAP_DISPUTED_BOUNDARIES = "un"  # as UN maps draw them, or "natural-earth" (decision 0024)

# --- Accounts and access ----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "rabatnet.network.backends.SecretariatBackend",
]
# Apps whose data the secretariat manages in the admin (never accounts or groups).
SECRETARIAT_ADMIN_APPS = [
    "countries",
    "strategy",
    "network",
    "sources",
    "guides",
    "meetings",
    "followup",
    "support",
    "questionnaires",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "network:private_home"
LOGOUT_REDIRECT_URL = "core:home"

# Lock a username *from one address*: an IP-only lock would shut a whole
# ministry behind one gateway out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Our login field is the e-mail, sent as `username` by the login forms; lowercased.
AXES_USERNAME_CALLABLE = "rabatnet.accounts.lockout.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address, read from what our own proxies wrote (see accounts/lockout.py).
# How many proxies stand in front of the application, each appending to X-Forwarded-For:
# 0 reads REMOTE_ADDR only (nothing in front); production assumes one.
# Unset here means 0; production (prod.py) assumes 1 unless the variable says otherwise.
TRUSTED_PROXY_COUNT_FROM_ENV: int | None = (
    env.int("TRUSTED_PROXY_COUNT") if "TRUSTED_PROXY_COUNT" in env else None
)
TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT_FROM_ENV or 0
AXES_CLIENT_IP_CALLABLE = "rabatnet.accounts.lockout.axes_client_ip"

# People holding one of these roles today must enrol a second factor before reaching
# anything private (docs/decisions/0003-two-factor.md). Set the variable to an empty value
# to require it of nobody; ``make run`` (config/settings/demo.py) requires it of nobody
# unless the variable is set.
TWO_FACTOR_ROLES_FROM_ENV: list[str] | None = (
    env.list("TWO_FACTOR_REQUIRED_ROLES") if "TWO_FACTOR_REQUIRED_ROLES" in env else None
)
TWO_FACTOR_REQUIRED_ROLES: list[str] = (
    ["secretariat", "focal_point", "coordinating_authority"]
    if TWO_FACTOR_ROLES_FROM_ENV is None
    else TWO_FACTOR_ROLES_FROM_ENV
)
# Where accounts reads a user's appointments in force (roles live in ``network``).
ACCOUNT_APPOINTMENTS_CALLABLE = "rabatnet.network.selectors.user_appointments"
# Password reset: at most this many e-mails per address and per client address per hour.
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=3)
PASSWORD_RESET_WINDOW = timedelta(hours=1)

OTP_TOTP_ISSUER = f"rabatnet ({DIALOGUE_NAME['en']})"

# --- Security headers -------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # embeddable views (the map) opt out one by one
# Read here, applied by prod.py (only this module reads the environment).
PRODUCTION_REQUIRED_VARIABLES = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
PRODUCTION_MISSING_VARIABLES = [
    name for name in PRODUCTION_REQUIRED_VARIABLES if not env.str(name, default="")
]
PRODUCTION_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
PRODUCTION_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
PRODUCTION_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12

# --- Internationalisation -------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
# Reference content (country names, objectives) is also kept in Portuguese.
MODELTRANSLATION_LANGUAGES = ("en", "fr", "pt")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "rabatnet.core.static_storage.HashedCompressedStaticFilesStorage"},
}
# Served hashed and compressed (.gz and .br made by collectstatic) in every mode, DEBUG
# included: WhiteNoise reads STATIC_ROOT only, so run collectstatic after changing a file.
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
MEDIA_ROOT = VAR_DIR / "media"

# --- Background work --------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- E-mail ------------------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="rabatnet <noreply@localhost>")
# The site's own address, for links in mails the worker sends (no request to ask).
# Production sets it to its https:// address (RFC 8058 wants an HTTPS unsubscribe link).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Forums and newsletter ----------------------------------------------------------------
FORUM_ATTACHMENT_MAX_BYTES = env.int("FORUM_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# --- Meetings (issue 11): the largest document a meeting may hold, per language version.
MEETING_DOCUMENT_MAX_BYTES = env.int("MEETING_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Newsletter mails per minute the worker sends (decision 0027).
NEWSLETTER_SEND_RATE = env.int("NEWSLETTER_SEND_RATE", default=600)
# The secret a bounce processor sends in X-Bounce-Token; empty: the bounce endpoint is off.
NEWSLETTER_BOUNCE_TOKEN = env.str("NEWSLETTER_BOUNCE_TOKEN", default="")

# --- Strategy follow-up -------------------------------------------------------------------
# Days before a cycle's deadline on which countries that have not reported are reminded
# (and every day once it is past, until the cycle is closed).
CYCLE_REMINDER_DAYS = tuple(env.list("CYCLE_REMINDER_DAYS", cast=int, default=[14, 7, 1]))

# --- Technical support (issue 12) ----------------------------------------------------------
# Targets the private dashboard flags open requests against: acknowledge within this many
# working days of the request (in the beneficiary country's time zone, its weekends and
# public holidays), deploy within this many calendar days of the request.
SUPPORT_ACKNOWLEDGE_WORKING_DAYS = env.int("SUPPORT_ACKNOWLEDGE_WORKING_DAYS", default=2)
SUPPORT_DEPLOY_DAYS = env.int("SUPPORT_DEPLOY_DAYS", default=30)
# The largest CV or mission report upload.
SUPPORT_UPLOAD_MAX_BYTES = env.int("SUPPORT_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

# --- The guide's making (issue 13) ---------------------------------------------------------
# How long a respondent's personal link works, and the days after the invitation on which
# respondents who have not submitted are reminded.
QUESTIONNAIRE_LINK_DAYS = env.int("QUESTIONNAIRE_LINK_DAYS", default=60)
QUESTIONNAIRE_REMINDER_DAYS = tuple(
    env.list("QUESTIONNAIRE_REMINDER_DAYS", cast=int, default=[7, 14, 28])
)
# The largest XLSForm or submissions file accepted (upload or command).
QUESTIONNAIRE_UPLOAD_MAX_BYTES = env.int("QUESTIONNAIRE_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
