"""What apps above ``sources`` add beside each source of the mapping, without ``sources``
importing them.

An app registers, in its ``ready``, a function giving for a country's mapping a note per
source (by source id, computed once per page) and the template that draws one (it takes
``note``). The guide's making (``questionnaires``) registers each source's trace ("from
questionnaire X, respondent Y, answered on D") this way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rabatnet.countries.models import Country


@dataclass(frozen=True)
class SourceNotes:
    template: str
    notes: Callable[[Country], dict[int, Any]]


_registered: list[SourceNotes] = []


def register_source_notes(source_notes: SourceNotes) -> None:
    """Draw ``source_notes`` beside each source (the last one registered wins)."""
    _registered.append(source_notes)


def source_notes_context(country: Country) -> dict[str, Any]:
    """The notes by source id and the template of one, for the mapping page."""
    if not _registered:
        return {"source_notes": {}, "source_note_template": ""}
    chosen = _registered[-1]
    return {"source_notes": chosen.notes(country), "source_note_template": chosen.template}
