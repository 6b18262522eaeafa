"""A person who withdraws consent disappears from every public rendering of every edition; the
edition as endorsed stays, for the secretariat."""

import copy
import io
from typing import Any

import docx
import pypdf
import pytest
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from rabatnet.guides import publication, services
from rabatnet.guides.models import Edition, EditionRedaction, Guide
from rabatnet.guides.models.guide import content_hash
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.guides.tests.responses import close_file
from rabatnet.network import services as network_services
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE, POSITION = (
    "Awa Contact",
    "awa.contact@example.org",
    "+221 33 000 00 00",
    "Cheffe",
)


@pytest.fixture
def guide() -> Guide:
    guide = drafted_guide()
    Person.objects.filter(full_name=NAME).update(email=EMAIL, phone=PHONE, job_title=POSITION)
    edition = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=edition, actor=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.edition_publish(edition=edition, actor=None)
    return guide


def _awa() -> Person:
    return Person.objects.get(full_name=NAME)


def _text(response: Any) -> str:
    data = response.getvalue()
    close_file(response)
    if response["Content-Type"] == "application/pdf":
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    if "wordprocessingml" in response["Content-Type"]:
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return data.decode()


def _public(client: Any) -> dict[str, str]:
    kw = {"iso3": "SEN"}
    urls = {
        "page": reverse("guides:detail", kwargs=kw),
        "edition": reverse("guides:edition", kwargs={**kw, "number": 1}),
        "pdf": reverse("guides:pdf", kwargs=kw),
        "docx": reverse("guides:docx", kwargs=kw),
    }
    got = {}
    for name, url in urls.items():
        response = client.get(url + "?lang=fr")
        assert response.status_code == 200, name
        got[name] = "".join(_text(response).split())  # the PDF wraps long words anywhere
    return got


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_withdrawn_person_leaves_every_public_rendering(client: Client, guide: Guide) -> None:
    edition = guide.editions.get()
    content, sha256, pdf_sha256 = (
        copy.deepcopy(edition.content),
        edition.content_sha256,
        edition.pdf_sha256,
    )
    before = _public(client)
    for name, text in before.items():
        assert _squeezed(NAME) in text and EMAIL in text, name

    with TestCase.captureOnCommitCallbacks(execute=True):
        network_services.person_guide_consent_withdraw(person=_awa(), actor=None)

    after = _public(client)
    for name, text in after.items():
        assert _squeezed(NAME) not in text and EMAIL not in text, name
        assert _squeezed(PHONE) not in text and POSITION in text, name
    assert _squeezed("withdrawn from this edition after its publication") in after["page"]

    # The edition stays as endorsed; the redaction keeps both hashes.
    edition.refresh_from_db()
    assert (edition.content, edition.content_sha256, edition.pdf_sha256) == (
        content,
        sha256,
        pdf_sha256,
    )
    assert edition.verify()
    (redaction,) = EditionRedaction.objects.filter(edition=edition)
    assert list(redaction.people.all()) == [_awa()]
    assert redaction.redacted_sha256 == content_hash(
        publication.redact(content, redaction.withdrawn)
    )
    assert redaction.redacted_sha256 != sha256
    assert redaction.pdf_sha256 and redaction.pdf_sha256 != pdf_sha256
    assert redaction.redacted_sha256 in after["page"] and sha256 in after["page"]
    assert _awa().guide_consent_withdrawn_at is not None and not _awa().guide_consent


def test_the_edition_as_endorsed_is_for_the_secretariat_only(client: Client, guide: Guide) -> None:
    network_services.person_guide_consent_withdraw(person=_awa(), actor=None)
    url = reverse("guides:endorsed", kwargs={"iso3": "SEN", "number": 1}) + "?lang=fr"
    response = client.get(url)
    assert response.status_code == 302  # to sign in
    client.force_login(f.focal_point("SEN"))
    assert client.get(url).status_code == 403
    client.force_login(f.secretariat())
    page = client.get(url).content.decode()
    assert NAME in page and EMAIL in page
    public = client.get(reverse("guides:detail", kwargs={"iso3": "SEN"}) + "?lang=fr")
    assert url in public.content.decode()  # the secretariat's link to it


def test_withdrawing_through_the_person_form_service_redacts_too(guide: Guide) -> None:
    person = _awa()
    person.guide_consent = False
    network_services.person_update(person=person, expected_version=person.version, actor=None)
    assert EditionRedaction.objects.filter(edition__guide=guide).count() == 1
    assert _awa().guide_consent_withdrawn_at is not None


def test_every_edition_is_redacted_and_withdrawing_twice_changes_nothing(guide: Guide) -> None:
    second = services.guide_submit(guide=guide, actor=None)  # submitted, not yet public
    network_services.person_guide_consent_withdraw(person=_awa(), actor=None)
    network_services.person_guide_consent_withdraw(person=_awa(), actor=None)
    assert EditionRedaction.objects.filter(edition__guide=guide).count() == 2
    body = publication.edition_body(second)
    assert NAME not in body and EMAIL not in body


def test_an_edition_of_schema_1_is_matched_by_name_and_email(guide: Guide) -> None:
    def without_ids(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: without_ids(v)
                for k, v in node.items()
                if k not in {"id", "person", "contact_person", "group", "category"}
            }
        if isinstance(node, list):
            return [without_ids(v) for v in node]
        return node

    content = without_ids(guide.editions.get().content) | {"schema": 1}
    old = Edition.objects.create(
        guide=guide,
        number=9,
        status=Edition.Status.ENDORSED,
        content=content,
        content_sha256=content_hash(content),
        submitted_at=timezone.now(),
    )
    assert NAME in publication.edition_body(old)
    network_services.person_guide_consent_withdraw(person=_awa(), actor=None)
    body = publication.edition_body(old)
    assert NAME not in body and EMAIL not in body and POSITION in body
    assert old.redactions.count() == 1
