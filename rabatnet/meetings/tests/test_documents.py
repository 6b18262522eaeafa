"""Meeting documents: uploads checked by content and size, EN and FR kept together, downloads
as attachments with nosniff, restricted ones for members only (each role)."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.meetings import services
from rabatnet.meetings.documents import check_document
from rabatnet.meetings.models import Document
from rabatnet.network.tests import factories as f

from .samples import DOCX, ODP, PDF, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

DAKAR = "/en/meetings/2013-09-dakar-thematic-meeting/"


def _document(meeting, restricted: bool = False, title: str = "Concept note") -> Document:
    return services.document_add(
        meeting=meeting,
        titles={"en": title, "fr": "Note conceptuelle"},
        kind=Document.Kind.CONCEPT_NOTE,
        restricted=restricted,
        agenda_item=None,
        files={
            "en": (upload("note.pdf", PDF), "application/pdf"),
            "fr": (upload("note-fr.odp", ODP), "application/vnd.oasis.opendocument.presentation"),
        },
        actor=None,
    )


def _url(document: Document, language: str = "en") -> str:
    return f"{DAKAR}documents/{document.pk}/{language}/"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("a.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("a.odp", ODP, "application/vnd.oasis.opendocument.presentation"),
    ],
)
def test_allowed_types_are_read_from_the_content(name, content, expected):
    assert check_document(upload(name, content), name, len(content)) == expected


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.pdf", b"<html><script>", "content"),
        ("a.docx", PDF, "content"),
        ("a.odp", DOCX, "content"),
        ("a.pptx", ODP, "content"),
        ("a.exe", PDF, "type"),
        ("a.png", b"\x89PNG\r\n\x1a\n", "type"),
        ("noextension", PDF, "type"),
        ("a.pdf", b"", "empty"),
    ],
)
def test_refused_with_a_reason(name, content, code):
    with pytest.raises(ValidationError) as info:
        check_document(upload(name, content), name, len(content))
    assert info.value.code == code


@override_settings(MEETING_DOCUMENT_MAX_BYTES=10)
def test_too_big_is_refused():
    with pytest.raises(ValidationError) as info:
        check_document(upload("a.pdf", PDF), "a.pdf", len(PDF))
    assert info.value.code == "too_big"


def test_both_languages_are_kept_together_with_their_hashes(dakar):
    document = _document(dakar)
    files = {f.language: f for f in document.files.all()}
    assert set(files) == {"en", "fr"}
    assert files["en"].sha256 == hashlib.sha256(PDF).hexdigest()
    assert files["en"].size == len(PDF)
    assert files["fr"].content_type == "application/vnd.oasis.opendocument.presentation"


def test_a_public_document_downloads_as_an_attachment(client, dakar):
    document = _document(dakar)
    page = client.get(DAKAR).content.decode()
    assert "Concept note" in page and _url(document, "fr") in page
    response = client.get(_url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="note.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(_url(document, "pt")).status_code == 404


def _status(client, user, url) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.status_code == 200:
        b"".join(response.streaming_content)
    return response.status_code


def test_a_restricted_document_is_for_members_only(client, dakar):
    document = _document(dakar, restricted=True, title="Restricted report")
    url = _url(document)
    assert _status(client, None, url) == 302
    assert client.get(url).url.startswith("/en/accounts/login/")
    assert "Restricted report" not in client.get(DAKAR).content.decode()
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 200  # any member, any country
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200
    client.force_login(f.focal_point("MLI"))
    assert "Restricted report" in client.get(DAKAR).content.decode()


def test_a_half_signed_in_member_is_a_visitor_for_restricted_documents(client, dakar):
    document = _document(dakar, restricted=True, title="Restricted report")
    user = f.focal_point("SEN")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    sign_in(client, user.email)
    response = client.get(_url(document))
    assert response.status_code == 302
    assert "/accounts/" in response.url
    assert "Restricted report" not in client.get(DAKAR).content.decode()


def test_documents_of_an_unpublished_meeting_are_not_found(client, dakar):
    document = _document(dakar)
    dakar.published = False
    dakar.save()
    assert _status(client, None, _url(document)) == 404
    assert _status(client, f.focal_point("SEN"), _url(document)) == 404
    assert _status(client, f.secretariat(), _url(document)) == 200


def test_a_document_of_another_meeting_is_not_found_here(client, seed_meetings):
    other = _document(seed_meetings["2013-11-madrid-thematic-meeting"])
    assert _status(client, None, _url(other)) == 404
