"""An erased person leaves every public rendering of every edition, whatever their consent."""

from typing import Any

from django.utils import timezone

from rabatnet.network.models import Person

from .publication import editions_redact_person


def on_person_erasing(sender: object, *, person: Person, **kwargs: Any) -> dict[str, int]:
    """Receiver of ``network.signals.person_erasing`` (before the name is removed: the
    editions of schema 1 find the person by name and e-mail)."""
    redactions = editions_redact_person(person=person, at=timezone.now())
    return {"guide_editions_redacted": len(redactions)}
