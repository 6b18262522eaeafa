"""Erasure: the person's name and contacts leave every page, export and published guide;
"erased person #id" stays, and the audit trail says who erased them."""

import io
import json
from typing import Any

import docx
import pypdf
import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.core.tests.narrowing import present
from rabatnet.guides.models import EditionRedaction, Guide
from rabatnet.guides.tests.factories import published_guide
from rabatnet.guides.tests.responses import close_file
from rabatnet.network.erasure import person_erase
from rabatnet.network.models import Appointment, Erasure, Person, Role
from rabatnet.network.tests import factories as f

from .lifecycle import half_signed_in_status, status

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Awa Contact", "awa.contact@example.org", "+221 33 000 00 00"


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path  # the guides' PDFs, built afresh for each test
    return tmp_path


@pytest.fixture
def guide() -> Guide:
    """Senegal's published guide, naming Awa (a source's contact, the workgroup, the annex)."""
    guide = published_guide("SEN", "fr")
    awa = Person.objects.get(full_name=NAME)
    Person.objects.filter(pk=awa.pk).update(
        email=EMAIL, phone=PHONE, share_email=True, share_phone=True
    )
    User.objects.filter(pk=present(awa.user).pk).update(email=EMAIL, full_name=NAME)
    f.AppointmentFactory.create(person=awa, role=Role.WORKGROUP_MEMBER)
    return guide


def _awa() -> Person:
    return Person.objects.get(full_name=NAME)


def _text(response: Any) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    close_file(response)
    kind = response["Content-Type"]
    if kind == "application/pdf":
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    elif "wordprocessingml" in kind:
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        text = data.decode()
    return "".join(text.split())  # the PDF wraps long words anywhere


def _pages(client: Client, person: Person) -> dict[str, str]:
    """Every page and export that showed the person, as the public or the secretariat."""
    sen = {"iso3": "SEN"}
    public = {
        "guide page": reverse("guides:detail", kwargs=sen),
        "edition": reverse("guides:edition", kwargs={**sen, "number": 1}),
        "editions": reverse("guides:editions", kwargs=sen),
        "compare": reverse("guides:compare", kwargs=sen) + "?a=1&b=1",
        "guide PDF": reverse("guides:pdf", kwargs=sen),
        "edition PDF": reverse("guides:edition_pdf", kwargs={**sen, "number": 1}),
        "guide DOCX": reverse("guides:docx", kwargs=sen),
        "API": reverse("api:guide_editions", kwargs={**sen, "language": "fr"}),
    }
    private = {
        "person page": person.get_absolute_url(),
        "edition as endorsed": reverse("guides:endorsed", kwargs={**sen, "number": 1}),
        "directory": reverse("network:directory"),
        "directory vCard": reverse("network:directory_vcf"),
        "directory CSV": reverse("network:directory_csv"),
        "former members' vCard": reverse("network:directory_vcf") + "?status=former",
        "former members' CSV": reverse("network:directory_csv") + "?status=former",
        "country area": reverse("network:country_area", kwargs=sen),
        "private home": reverse("network:private_home"),
        "sources": reverse("sources:list", kwargs=sen),
        "JSON export": reverse("network:person_data", kwargs={"pk": person.pk}),
        "welcome of a colleague": reverse("network:welcome") + f"?person={_colleague().pk}",
    }
    got = {}
    client.logout()
    for name, url in public.items():
        response = client.get(url + ("&" if "?" in url else "?") + "lang=fr")
        assert response.status_code == 200, name
        got[name] = _text(response)
    client.force_login(f.secretariat())
    for name, url in private.items():
        response = client.get(url)
        assert response.status_code == 200, name
        got[name] = _text(response)
    return got


def _colleague() -> Person:
    return Appointment.objects.filter(person__full_name="Colleague Sen").get().person


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_erase_triad(client, guide):
    awa = _awa()
    url = reverse("network:person_erase", kwargs={"pk": awa.pk})
    assert status(client, None, url) == 302
    code, where = half_signed_in_status(client, f.secretariat(), url)
    assert code == 302 and "two-factor" in where
    assert status(client, f.focal_point("SEN"), url) == 403
    assert status(client, awa.user, url) == 403  # not even oneself
    assert status(client, f.secretariat(), url) == 200
    assert status(client, f.focal_point("SEN"), url, "post", confirmation=str(awa.pk)) == 403
    assert _awa().erased_at is None


def test_a_wrong_confirmation_erases_nothing(client, guide):
    awa = _awa()
    client.force_login(f.secretariat())
    url = reverse("network:person_erase", kwargs={"pk": awa.pk})
    for typed in ("", "Awa", str(awa.pk + 1)):
        response = client.post(url, {"confirmation": typed})
        assert response.status_code == 200
    assert _awa().erased_at is None and not Erasure.objects.exists()


def test_after_erasure_the_name_and_contacts_are_nowhere(client, guide):
    f.AppointmentFactory.create(person__full_name="Colleague Sen")
    awa = _awa()
    awa_pk, awa_user = awa.pk, awa.user
    assert awa_user is not None
    before = _pages(client, awa)
    for page in (
        "guide page",
        "edition",
        "guide PDF",
        "guide DOCX",
        "person page",
        "sources",
        "edition as endorsed",
        "directory vCard",
        "directory CSV",
    ):
        assert _squeezed(NAME) in before[page], page
    assert EMAIL in before["welcome of a colleague"]  # she shares her address with members
    # Awa is signed in somewhere and once mistyped her password.
    awa_client = Client()
    awa_client.force_login(awa_user)
    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.1", user_agent="test", failures_since_start=1
    )
    secretariat = f.secretariat()
    client.force_login(secretariat)

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("network:person_erase", kwargs={"pk": awa_pk}),
            {"confirmation": f" {NAME.lower()} "},
        )

    assert response.status_code == 302
    erased = Person.objects.get(pk=awa_pk)
    label = f"erased person #{awa_pk}"
    assert erased.display_name == label and str(Erasure.objects.get(person=erased)) == label
    after = _pages(client, erased)
    for page, text in after.items():
        for secret in (NAME, EMAIL, PHONE):
            assert _squeezed(secret) not in text, (page, secret)
    assert _squeezed(label) in after["person page"]
    assert _squeezed(label) in after["country area"]  # her past post, under her new label
    # The record, its history, the account, the sessions, the sign-in records.
    assert (erased.full_name, erased.phone, erased.email) == ("", "", f"erased-{awa_pk}@invalid")
    assert not (erased.directory_consent or erased.guide_consent or erased.share_email)
    for row in erased.history.all():
        assert NAME not in (row.full_name or "") and row.email != EMAIL and row.phone != PHONE
    account = User.objects.get(pk=awa_user.pk)
    assert not account.is_active and account.full_name == "" and EMAIL not in account.email
    assert not account.has_usable_password()
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(awa_user.pk)
    ]
    assert awa_client.get(reverse("network:private_home")).status_code == 302
    assert not AccessAttempt.objects.filter(username__iexact=EMAIL).exists()
    assert not Appointment.objects.current().filter(person=erased).exists()
    # The audit trail: who erased whom, when, and what each app removed.
    erasure = Erasure.objects.get(person=erased)
    assert erasure.erased_by == secretariat
    assert erasure.removed["guide_editions_redacted"] == 1
    assert erasure.removed["sessions"] == 1 and erasure.removed["sign_in_records"] >= 1
    assert NAME not in json.dumps(erasure.removed)
    export = client.get(reverse("network:person_data", kwargs={"pk": awa_pk}))
    assert json.loads(export.content)["person"]["erased_at"]


def test_a_person_who_never_gave_guide_consent_is_redacted_too(client, guide):
    """Erasure redacts regardless of the consent flag (here cleared without the signal)."""
    awa = _awa()
    Person.objects.filter(pk=awa.pk).update(guide_consent=False)
    person_erase(person=Person.objects.get(pk=awa.pk), actor=None)
    assert EditionRedaction.objects.filter(edition__guide=guide, people=awa).exists()
    page = client.get(reverse("guides:detail", kwargs={"iso3": "SEN"}) + "?lang=fr")
    assert NAME not in page.content.decode()


def test_erasing_twice_is_refused(client, guide):
    awa = _awa()
    person_erase(person=awa, actor=None)
    with pytest.raises(ValidationError, match="erased already"):
        person_erase(person=Person.objects.get(pk=awa.pk), actor=None)
    client.force_login(f.secretariat())
    url = reverse("network:person_erase", kwargs={"pk": awa.pk})
    assert client.get(url).status_code == 302
    assert Erasure.objects.count() == 1


def test_apps_report_what_they_removed(guide):
    from rabatnet.network.signals import person_erasing

    def newsletter_receiver(sender, *, person, **kwargs):
        assert person.full_name == NAME  # still there for the apps to find
        return {"subscriptions": 1}

    person_erasing.connect(newsletter_receiver, dispatch_uid="test-newsletter")
    try:
        erasure = person_erase(person=_awa(), actor=None)
    finally:
        person_erasing.disconnect(dispatch_uid="test-newsletter")
    assert erasure.removed["subscriptions"] == 1
