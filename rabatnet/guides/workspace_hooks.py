"""What apps above ``guides`` add to the workspace, without ``guides`` importing them.

An app registers, in its ``ready``, how each part's list of records is drawn (a template
that takes ``records``, ``part``, ``guide``, ``country``, ``can_edit``) and the context that
template needs, computed once per page. The guide's making (``questionnaires``) registers
the records' traces ("from questionnaire X, respondent Y, answered on D") this way.
Without a registration the plain list (``guides/_records.html``) is drawn.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import Guide


@dataclass(frozen=True)
class RecordsList:
    template: str
    context: Callable[[Guide], dict[str, Any]]


PLAIN = RecordsList("guides/_records.html", lambda guide: {})
_registered: list[RecordsList] = []


def register_records_list(records_list: RecordsList) -> None:
    """Draw the workspace's lists of records with ``records_list`` (the last one wins)."""
    _registered.append(records_list)


def records_list_context(guide: Guide) -> dict[str, Any]:
    """The template to include for each part's records and the context it needs."""
    chosen = _registered[-1] if _registered else PLAIN
    return {"records_template": chosen.template, **chosen.context(guide)}
