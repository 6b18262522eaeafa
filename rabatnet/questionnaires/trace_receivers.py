"""Each record made from a candidate shows its trace: in the guide workspace
(``guides.workspace_hooks``) and, for part I, beside each source of the mapping
(``sources.list_hooks``)."""

from typing import Any

from rabatnet.guides.models import Guide
from rabatnet.guides.workspace_hooks import RecordsList, register_records_list
from rabatnet.sources.list_hooks import SourceNotes, register_source_notes

from .traces import source_traces, workspace_compilation


def _context(guide: Guide) -> dict[str, Any]:
    return {"compilation": workspace_compilation(guide)}


register_records_list(RecordsList("questionnaires/compilation_records.html", _context))
register_source_notes(SourceNotes("questionnaires/compilation_trace.html", source_traces))
