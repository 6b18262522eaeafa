"""Technical support in the API: the public clock's figures (anonymised; no request text)."""

from ninja import Router

router = Router(tags=["support"])
