"""Settings for a developer's machine and `make run`: SQLite under var/."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-change-me")
