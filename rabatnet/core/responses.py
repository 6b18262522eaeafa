"""Headers of pages that must not be kept or leak their address.

A page reached by a secret link (a respondent's answer page, a stakeholder's or an expert's
invitation) or that shows personal data is kept by no cache, and its address is never sent to
another site. "same-origin", not "no-referrer": with no referrer at all browsers send
"Origin: null" with the page's own POST, which CSRF protection (rightly) refuses.
"""

from typing import TypeVar

from django.http import HttpResponseBase

R = TypeVar("R", bound=HttpResponseBase)


def kept_private(response: R) -> R:
    """``response`` marked ``Cache-Control: private, no-store``, ``Referrer-Policy:
    same-origin``."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response
