"""The country panel beside the map: key figures, membership, guide, contacts for those allowed."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from rabatnet.accounts.models import User

from .types import Layer


@dataclass
class Panel:
    """What the panel of the selected country shows (``_panel.html`` prints it)."""

    iso3: str
    name: str
    facts: list[tuple[str, str]] = field(default_factory=list)


def build_panel(user: User | AnonymousUser, iso3: str, layer: Layer) -> Panel | None:
    """The panel of the country ``iso3`` as ``user`` may see it, or None if it is no country."""
    raise NotImplementedError("panel: built by the panel helper")
