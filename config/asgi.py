"""ASGI entry point; like ``wsgi.py``, production settings unless told otherwise."""

import os

from django.core.asgi import get_asgi_application

# Unset or empty alike: never fall back to another module.
if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.prod"

application = get_asgi_application()
