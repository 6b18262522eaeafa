"""vCard 4.0 (RFC 6350): read back by a strict parser, and consent in the exported fields."""

import re
from dataclasses import replace

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import redirect_url, sign_in
from rabatnet.network import vcard
from rabatnet.network.tests import factories as f
from rabatnet.network.visibility import PersonCard, person_card

pytestmark = pytest.mark.django_db

NASTY_NAMES = [
    "Dupont, Jean; dit \\Jeannot\\",
    "Zoë Ñúñez-Çelik Ålesund",
    "Fatou 🌍🇸🇳 Diop",
    "Line\nbreak\r\nand\rcarriage",
    "Bell\x07 Escape\x1b NUL\x00 DEL\x7f C1\x85\x9b Tab\there",
    "é" * 80,
    "🌍" * 40,
    "a" * 74 + "é" + "b" * 200,
]


def parse(text: str) -> list[dict[str, list[tuple[str, str]]]]:
    """Strict reading: CRLF only, ≤ 75 octets a line, whole UTF-8 characters, valid escapes."""
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    for octets in physical:
        assert len(octets) <= 75, octets
        assert b"\n" not in octets and b"\r" not in octets
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", octets), octets
        # decode() raises if a fold cut a character in two
        assert not re.search("[\x80-\x9f]", octets.decode("utf-8")), octets
    logical: list[str] = []
    for text_line in (p.decode("utf-8") for p in physical):
        if text_line.startswith(" "):
            assert logical, "a continuation before any line"
            logical[-1] += text_line[1:]
        else:
            logical.append(text_line)
    cards: list[dict[str, list[tuple[str, str]]]] = []
    current: dict[str, list[tuple[str, str]]] | None = None
    for line in logical:
        head, _, value = line.partition(":")
        assert _ == ":", line
        name, *params = head.split(";")
        if name == "BEGIN":
            assert value == "VCARD" and current is None
            current = {}
            continue
        assert current is not None
        if name == "END":
            assert value == "VCARD"
            cards.append(current)
            current = None
            continue
        current.setdefault(name, []).append((";".join(params), value))
    assert current is None
    return cards


def unescape(value: str) -> str:
    """One text component, unescaped; any escape RFC 6350 does not define fails."""
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            following = value[i + 1]
            assert following in "\\,;nN", f"bad escape \\{following}"
            out.append("\n" if following in "nN" else following)
            i += 2
            continue
        assert char not in ",;", f"unescaped {char!r} in {value!r}"
        out.append(char)
        i += 1
    return "".join(out)


def _card(**changes) -> PersonCard:
    base = PersonCard(
        pk=7,
        name="Awa Diop",
        job_title="Director",
        organisation="Ministry",
        appointments=(),
        working_languages=("fr", "wo"),
        language="fr",
        email="awa@example.org",
        phone="+221 33 000",
        updated_at=None,
        listed=True,
        share_email=True,
        share_phone=True,
        details_confirmed_at=None,
        confirmation_overdue=None,
        full_view=True,
    )
    return replace(base, **changes)


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_nasty_names_survive_the_round_trip(name):
    text = vcard.vcard(_card(name=name, organisation=name, job_title=name))
    (card,) = parse(text)
    expected = vcard.clean(name)
    assert unescape(card["FN"][0][1]) == expected
    assert unescape(card["ORG"][0][1]) == expected
    assert unescape(card["TITLE"][0][1]) == expected
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", expected)


def test_required_properties():
    (card,) = parse(vcard.vcard(_card()))
    assert card["VERSION"] == [("", "4.0")]
    assert card["KIND"] == [("", "individual")]
    assert card["N"] == [("", "Diop;Awa;;;")]
    assert card["EMAIL"] == [("TYPE=work", "awa@example.org")]
    assert card["TEL"] == [("VALUE=text;TYPE=work", "+221 33 000")]
    assert card["LANG"] == [("PREF=1", "fr"), ("PREF=2", "wo")]
    assert re.fullmatch(r"\d{8}T\d{6}Z", card["REV"][0][1])
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", card["UID"][0][1])


def test_uid_is_stable_per_person_and_site():
    assert vcard.person_uid(7) == vcard.person_uid(7) != vcard.person_uid(8)
    with override_settings(SITE_URL="https://other.example"):
        assert vcard.person_uid(7) != vcard.person_uid(8)
        other = vcard.person_uid(7)
    assert other != vcard.person_uid(7)


def test_withheld_fields_are_absent():
    (card,) = parse(vcard.vcard(_card(email="", phone="")))
    assert "EMAIL" not in card and "TEL" not in card


def test_folding_counts_octets_and_keeps_characters_whole():
    line = "FN:" + "é" * 100
    folded = vcard.fold(line).encode()
    parts = folded[:-2].split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert b"".join(p[1:] if i else p for i, p in enumerate(parts)).decode() == line


@pytest.fixture
def people():
    private = f.AppointmentFactory.create(
        person__full_name="Dupont, Jean; 🌍",
        person__email="private@example.org",
        person__phone="+221 1",
        person__share_email=False,
        person__share_phone=False,
    ).person
    shared = f.AppointmentFactory.create(
        person__full_name="Awa Shared",
        person__email="shared@example.org",
        person__share_email=True,
    ).person
    unlisted = f.AppointmentFactory.create(
        person__full_name="Nobody Listed", person__directory_consent=False
    ).person
    return private, shared, unlisted


def _get(client, user, url: str, data: dict | None = None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url, data or {})


def test_list_follows_consent_for_a_member(client, people):
    private, shared, _ = people
    response = _get(client, f.focal_point("MLI"), reverse("network:directory_vcf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="directory.vcf"'
    text = response.content.decode()
    cards = parse(text)
    names = {unescape(c["FN"][0][1]) for c in cards}
    assert {"Dupont, Jean; 🌍", "Awa Shared"} <= names and "Nobody Listed" not in names
    assert "private@example.org" not in text and "+221 1" not in text
    assert "shared@example.org" in text


def test_list_follows_the_filters(client, people):
    response = _get(client, f.focal_point("MLI"), reverse("network:directory_vcf"), {"q": "Awa"})
    names = {unescape(c["FN"][0][1]) for c in parse(response.content.decode())}
    assert names == {"Awa Shared"}


def test_secretariat_gets_everything(client, people):
    text = _get(client, f.secretariat(), reverse("network:directory_vcf")).content.decode()
    assert "private@example.org" in text and "Nobody Listed" in text


def test_single_card_by_role(client, people):
    private, _, unlisted = people
    url = reverse("network:person_vcf", kwargs={"pk": private.pk})
    assert url.endswith(f"/private/people/{private.pk}.vcf")
    assert redirect_url(_get(client, None, url)).startswith(reverse("accounts:login"))
    assert _get(client, f.no_role(), url).status_code == 403
    member = _get(client, f.focal_point("MLI"), url)
    assert member.status_code == 200
    assert member["Content-Disposition"] == f'attachment; filename="person-{private.pk}.vcf"'
    assert "private@example.org" not in member.content.decode()
    own = _get(client, private.user, url).content.decode()
    assert "private@example.org" in own and "+221 1" in own
    assert "private@example.org" in _get(client, f.secretariat(), url).content.decode()
    unlisted_url = reverse("network:person_vcf", kwargs={"pk": unlisted.pk})
    assert _get(client, f.focal_point("SEN"), unlisted_url).status_code == 403


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_single_card_half_signed_in(client, people):
    private, _, _ = people
    user = f.focal_point("MLI")
    sign_in(client, user.email)
    url = reverse("network:person_vcf", kwargs={"pk": private.pk})
    assert reverse("accounts:two_factor") in redirect_url(client.get(url))


def test_card_and_page_agree(people):
    private, _, _ = people
    card = person_card(f.focal_point("MLI"), private)
    assert card is not None and card.email == "" and card.name == "Dupont, Jean; 🌍"
