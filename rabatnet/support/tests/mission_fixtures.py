"""Requests brought to a stage through the real services, for the mission tests."""

import io
import zipfile
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.network.tests import factories as f

from .. import lifecycle
from ..mission_services import mission_deploy, report_upload
from ..models import Expert, Proposal, SupportRequest, TermsOfReference
from ..services import request_advance
from .factories import make_expert, make_request

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def pdf_upload(name: str = "report.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def approved(iso3: str = "SEN", **fields: Any) -> tuple[SupportRequest, Expert, User]:
    """A request at "approved" with one accepted expert; the request, the expert, the
    secretariat user who moved it."""
    staff = f.secretariat()
    request = make_request(iso3, actor=f.focal_point(iso3), **fields)
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    TermsOfReference.objects.create(
        request=request, number=1, text="Train **twenty** people.", agreed_at=timezone.now()
    )
    request_advance(request=request, action=lifecycle.SCOPE, actor=staff)
    expert = make_expert()
    Proposal.objects.create(
        request=request, expert=expert, rank=1, score=10, status=Proposal.Status.ACCEPTED
    )
    request_advance(request=request, action=lifecycle.MATCH, actor=staff)
    request_advance(request=request, action=lifecycle.APPROVE, actor=staff)
    return request, expert, staff


def deployed(iso3: str = "SEN", **fields: Any) -> tuple[SupportRequest, Expert, User]:
    request, expert, staff = approved(iso3, **fields)
    mission_deploy(
        request=request,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 3, 6),
        place="Dakar",
        actor=staff,
    )
    return request, expert, staff


def reported(iso3: str = "SEN", **fields: Any) -> tuple[SupportRequest, Expert, User]:
    request, expert, staff = deployed(iso3, **fields)
    upload = pdf_upload()
    report_upload(
        request=request,
        file=upload,
        filename=upload.name or "",
        size=upload.size or 0,
        summary="Twenty statisticians trained.",
        actor=staff,
    )
    return request, expert, staff
