"""A guide's content as a Word document (python-docx), in the guide's language.

Deterministic: the same content always gives the same bytes (fixed document dates, fixed
dates in the archive), and every text goes through ``rendering.export_text``.
"""

import io
import zipfile
from datetime import datetime
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt

from rabatnet.core.markdown import markdown_paragraphs

from .rendering import export_content, part_titles

# The date every DOCX says it was made and every file of its archive carries: the document is
# a rendering of a snapshot, and its bytes must not depend on when it was asked for.
FIXED_DATE = datetime(2000, 1, 1)  # noqa: DTZ001 (the document format has naive dates)


def _deterministic(data: bytes) -> bytes:
    """The archive rewritten with a fixed date on every member, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _table(document: DocxDocument, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text or "")


def _part_one(document: DocxDocument, part: dict[str, Any]) -> None:
    for group in part["groups"]:
        document.add_heading(
            _("Governmental entities")
            if group["key"] == "governmental"
            else _("Others (international, academic, civil society, private)"),
            level=2,
        )
        areas = part["areas"]
        _table(
            document,
            [_("Data collection entity"), *[a["name"] for a in areas]],
            [
                [e["name"], *["✓" if a["slug"] in e["areas"] else "" for a in areas]]
                for e in group["entities"]
            ],
        )
        for entity in group["entities"]:
            document.add_heading(entity["name"], level=3)
            for s in entity["sources"]:
                details = "; ".join(
                    filter(
                        None,
                        [
                            s["kind"],
                            s["status"],
                            s["periodicity"],
                            s["last_release"],
                            f"{_('access')}: {s['access']}",
                            ", ".join(s["areas"]),
                            f"{_('contact')}: {s['contact']}" if s["contact"] else "",
                        ],
                    )
                )
                document.add_paragraph(f"{s['name']} — {details}", style="List Bullet")


def _part_three(document: DocxDocument, part: dict[str, Any]) -> None:
    document.add_heading(_("Contents of the migration profile"), level=2)
    for item in part["contents"]:
        document.add_paragraph(("☑ " if item["covered"] else "☐ ") + item["title"])
    document.add_heading(_("Members of the workgroup / coordination platform"), level=2)
    for m in part["workgroup"]:
        prefix = _("Coordinator:") + " " if m["coordinator"] else ""
        line = ", ".join(filter(None, [m["name"], m["position"], m["organisation"], m["role"]]))
        document.add_paragraph(prefix + line, style="List Bullet")
    document.add_heading(_("Best practices and migration profile use examples"), level=2)
    for p in part["practices"]:
        document.add_heading(p["title"], level=3)
        document.add_paragraph(
            " — ".join(filter(None, [p["kind"], p["organisation"], str(p["year"] or "")]))
        )
        document.add_paragraph(p["description"])
    document.add_heading(_("Problem / solution matrix"), level=2)
    rows = [
        [c["title"], a["description"], a["owner"], a["due_date"], a["status"]]
        for c in part["challenges"]
        for a in (c["actions"] or [{"description": "", "owner": "", "due_date": "", "status": ""}])
    ]
    _table(
        document,
        [
            _("Challenge in the use of migration data"),
            _("Corrective actions / past successful strategies"),
            _("Owner"),
            _("Due"),
            _("Status"),
        ],
        rows,
    )


def render_guide_docx(content: dict[str, Any], sha256: str) -> bytes:
    content = export_content(content)
    with translation.override(content["language"]):
        titles = part_titles(content["language"])
        document = Document()
        document.styles["Normal"].font.size = Pt(10)
        document.core_properties.title = content["title"] or content["country"]["name"]
        document.core_properties.language = content["language"]
        document.core_properties.created = FIXED_DATE
        document.core_properties.modified = FIXED_DATE
        document.core_properties.last_printed = FIXED_DATE
        document.add_heading(
            content["title"]
            or _("User's guide on the use of migration data — %(country)s")
            % {"country": content["country"]["name"]},
            level=0,
        )
        if content["is_example"]:
            document.add_paragraph(
                _("Example content: this guide was written to demonstrate the platform.")
            )
        document.add_paragraph(f"{_('Content SHA-256:')} {sha256}")
        if content["context"]:
            document.add_heading(titles["context"], level=1)
            for paragraph in markdown_paragraphs(content["context"]):
                document.add_paragraph(paragraph)
        document.add_heading(titles["part1"], level=1)
        _part_one(document, content["part1"])
        document.add_heading(titles["part2"], level=1)
        stages = content["part2"]["stages"]
        _table(
            document,
            [_("Institution"), *[s["name"] for s in stages]],
            [
                [a["name"], *[a["roles"].get(s["key"], "") for s in stages]]
                for a in content["part2"]["actors"]
            ],
        )
        document.add_heading(titles["part3"], level=1)
        _part_three(document, content["part3"])
        document.add_heading(titles["part4"], level=1)
        for category in content["part4"]["categories"]:
            document.add_heading(category["name"].capitalize(), level=2)
            for r in category["items"]:
                to, priority = _("addressed to"), _("priority")
                document.add_paragraph(
                    f"{r['text']} — {to}: {r['addressee']}; {priority}: {r['priority']}",
                    style="List Number",
                )
        document.add_heading(titles["annex"], level=1)
        _table(
            document,
            [_("Name"), _("Position"), _("Organisation"), _("E-mail"), _("Telephone")],
            [
                [p["name"], p["position"], p["organisation"], p["email"], p["phone"]]
                for p in content["annex"]
            ],
        )
        buffer = io.BytesIO()
        document.save(buffer)
        return _deterministic(buffer.getvalue())
