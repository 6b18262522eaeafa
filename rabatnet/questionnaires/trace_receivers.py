"""The guide workspace draws each part's records with their traces (``guides.workspace_hooks``)."""

from typing import Any

from rabatnet.guides.models import Guide
from rabatnet.guides.workspace_hooks import RecordsList, register_records_list

from .traces import workspace_compilation


def _context(guide: Guide) -> dict[str, Any]:
    return {"compilation": workspace_compilation(guide)}


register_records_list(RecordsList("questionnaires/compilation_records.html", _context))
