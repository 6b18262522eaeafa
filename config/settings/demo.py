"""Settings for ``make run`` and ``make setup``: the demo on SQLite, served as in production.

DEBUG is off (an unknown address answers the site's 404 page), static files are hashed and
compressed, and the secret key is generated once into ``var/secret_key`` (mode 600) unless
SECRET_KEY is set. The demo loaders may run (``DEMO_DATA``). Two-factor is required of
nobody, so the demo accounts sign in with a password alone, unless
TWO_FACTOR_REQUIRED_ROLES is set (see the README).
"""

import os
import secrets
from pathlib import Path

from .base import *  # noqa: F403
from .base import SECRET_KEY, TWO_FACTOR_ROLES_FROM_ENV, VAR_DIR


def secret_key_from_file(path: Path) -> str:
    """The key stored in ``path``; created once, readable by its owner only."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(draft, path)  # atomic: a concurrent start keeps the first key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


DEBUG = False
SECRET_KEY = SECRET_KEY or secret_key_from_file(VAR_DIR / "secret_key")
DEMO_DATA = True
TWO_FACTOR_REQUIRED_ROLES = TWO_FACTOR_ROLES_FROM_ENV or []
