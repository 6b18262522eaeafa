"""The welcome pack's technical support section: the country's open requests and their
stage, for a person in post who reads them; never another country's."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from rabatnet.core.tests.narrowing import present
from rabatnet.network.registries import WELCOME_SECTIONS
from rabatnet.network.tests import factories as f
from rabatnet.network.tests.lifecycle import half_signed_in_status, status
from rabatnet.support.lifecycle import ACKNOWLEDGE, DECLINE
from rabatnet.support.services import request_advance
from rabatnet.support.welcome import support_welcome_section

from .factories import make_request

pytestmark = pytest.mark.django_db

URL = reverse("network:welcome")
FILED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _requests() -> None:
    acknowledged = make_request(title="Border data workshop", at=FILED, example=True)
    request_advance(
        request=acknowledged,
        action=ACKNOWLEDGE,
        actor=None,
        at=datetime(2026, 3, 4, 9, 0, tzinfo=UTC),
    )
    make_request(title="Census guidelines", at=FILED)
    ended = make_request(title="Equipment request", at=FILED)
    request_advance(request=ended, action=DECLINE, actor=None, reason="Out of scope.")
    make_request("MLI", title="Malian request")


def test_registered():
    assert WELCOME_SECTIONS["support_requests"] is support_welcome_section


def test_the_country_open_requests_and_their_stage():
    _requests()
    person = f.focal_point("SEN").person
    section = support_welcome_section(person, person.appointments.get().country)
    assert section is not None
    assert str(section.title) == "Technical support: the open requests of Senegal"
    texts = [item.text for item in section.items]
    assert len(texts) == 2
    first, second = texts
    assert "Border data workshop: stage “acknowledged” since March 4, 2026" in first
    assert first.endswith("(Example content)") and first.startswith("TS-2026-")
    assert "Census guidelines: stage “received” since March 2, 2026." in second
    assert not any("Equipment" in t or "Malian" in t for t in texts)


def test_nothing_for_a_post_that_does_not_read_requests_or_has_no_country():
    _requests()
    contact = f.thematic_contact("ESP").person
    assert support_welcome_section(contact, contact.appointments.get().country) is None
    assert support_welcome_section(f.secretariat().person, None) is None
    expert = f.expert().person
    assert support_welcome_section(expert, None) is None


def test_a_country_without_open_requests_says_so():
    person = f.workgroup_member("GHA").person
    section = support_welcome_section(person, person.appointments.get().country)
    assert section is not None
    assert [i.text for i in section.items] == ["No request for technical support is open."]


def test_on_the_welcome_page_triad(client):
    _requests()
    focal = f.focal_point("SEN")
    own = f"{URL}?person={focal.person.pk}"
    assert status(client, None, URL) == 302
    code, where = half_signed_in_status(client, present(focal), URL)
    assert code == 302 and "two-factor" in where
    assert status(client, f.focal_point("MLI"), own) == 403  # another country's member
    client.force_login(focal)
    page = client.get(URL).content.decode()
    assert "Border data workshop" in page and "Malian request" not in page
    client.force_login(f.secretariat())
    page = client.get(own).content.decode()
    assert "Border data workshop" in page and "Malian request" not in page
    mali = f.focal_point("MLI")
    client.force_login(mali)
    page = client.get(URL).content.decode()
    assert "Malian request" in page and "Border data workshop" not in page
