"""WSGI entry point (``gunicorn config.wsgi``).

Without DJANGO_SETTINGS_MODULE it starts the production settings, which refuse to start
without their environment variables; ``make run`` names ``config.settings.demo``.
"""

import os

from django.core.wsgi import get_wsgi_application

# Unset or empty alike: never fall back to another module.
if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.prod"

application = get_wsgi_application()
