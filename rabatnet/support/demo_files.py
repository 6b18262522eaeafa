"""The demo's mission reports: a one-page PDF each, written here (a valid PDF that says it
is example content), stored through the mission's FileField like an upload."""

import io
from datetime import datetime

from django.core.files.base import ContentFile

from rabatnet.accounts.models import User
from rabatnet.core.uploads import sha256_of

from .models import Mission


def _escape(text: str) -> str:
    ascii_text = text.encode("latin-1", "replace").decode("latin-1")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def example_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing ``lines`` in Helvetica (Latin-1 text)."""
    text = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(f"({_escape(line)}) '" for line in lines)
    stream = (text + " ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def save_report(mission: Mission, *, at: datetime, by: User, title: str) -> None:
    """Store an example report for ``mission`` as uploaded at ``at`` by ``by``."""
    pdf = example_pdf(
        [
            "EXAMPLE CONTENT - made up to show how technical support works",
            f"Mission report: {title}",
            f"Mission: {mission.starts_on.isoformat()} to {mission.ends_on.isoformat()}",
            "Findings: the participants completed the programme; see recommendations.",
        ]
    )
    file = ContentFile(pdf, name=f"example-report-{mission.request_id}.pdf")
    mission.report.save(file.name or "report.pdf", file, save=False)
    mission.report_sha256 = sha256_of(io.BytesIO(pdf))
    mission.report_uploaded_at = at
    mission.report_uploaded_by = by
    mission.report_summary = (
        "Example findings: the workshop was held as planned; three recommendations for the "
        "follow-up. (Example content.)"
    )
    mission.save()
