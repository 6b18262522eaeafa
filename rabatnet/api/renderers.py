"""JSON with exact numbers: a ``Decimal`` is written as a JSON number with its own digits.

The standard library writes a Decimal as a string (Django's encoder) or through a float
(losing digits on large counts); simplejson writes ``str(Decimal)`` as the number.
"""

from typing import Any

import simplejson
from django.http import HttpRequest
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder


class ExactJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> str:
        return simplejson.dumps(data, use_decimal=True, default=NinjaJSONEncoder().default)
