"""Views of the guides: public reading, the editing workspace, the steps of its life."""

from .lifecycle import edition_decide, edition_publish, guide_start, guide_step, timeline
from .public import (
    edition_compare,
    edition_detail,
    edition_endorsed,
    edition_list,
    edition_pdf,
    guide_detail,
    guide_docx,
    guide_pdf,
)
from .workspace import (
    contents_edit,
    guide_history,
    guide_preview,
    part_delete,
    part_edit,
    text_edit,
    workspace,
)

__all__ = [
    "contents_edit",
    "edition_compare",
    "edition_decide",
    "edition_detail",
    "edition_endorsed",
    "edition_list",
    "edition_pdf",
    "edition_publish",
    "guide_detail",
    "guide_docx",
    "guide_history",
    "guide_pdf",
    "guide_preview",
    "guide_start",
    "guide_step",
    "part_delete",
    "part_edit",
    "text_edit",
    "timeline",
    "workspace",
]
