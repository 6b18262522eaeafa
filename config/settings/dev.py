"""Settings for a developer's machine (``manage.py``): SQLite under var/, DEBUG on.

Never served to others: the secret key below is public. ``make run`` uses ``demo.py``.
"""

from .base import *  # noqa: F403
from .base import DEBUG_FROM_ENV, SECRET_KEY, TWO_FACTOR_ROLES_FROM_ENV

DEBUG = True if DEBUG_FROM_ENV is None else DEBUG_FROM_ENV
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-change-me"
DEMO_DATA = True
# Two-factor is required of nobody here unless TWO_FACTOR_REQUIRED_ROLES is set.
TWO_FACTOR_REQUIRED_ROLES = TWO_FACTOR_ROLES_FROM_ENV or []
