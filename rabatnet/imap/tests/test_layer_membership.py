"""Layer ``membership``: partners, observers, former partners with their years; others grey."""

import pytest
from django.utils import translation

from rabatnet.countries.models import Membership
from rabatnet.imap.layers import build_layer
from rabatnet.imap.types import MapState

pytestmark = pytest.mark.django_db


def test_members_get_their_key_and_non_members_none() -> None:
    layer = build_layer(MapState(layer="membership"))
    assert layer.fills["SEN"] == "m-partner"
    assert layer.fills["FRA"] == "m-partner"
    assert layer.fills["LBY"] == "m-observer"
    assert layer.fills["EGY"] == "m-former"
    assert "USA" not in layer.fills and "CHN" not in layer.fills
    assert Membership.objects.values("country").distinct().count() == len(layer.fills)
    counts = {entry.key: entry.count for entry in layer.legend}
    for key in ("m-partner", "m-observer", "m-former"):
        assert counts[key] == list(layer.fills.values()).count(key)
    assert layer.years == [] and layer.year is None
    assert layer.sources[0].title.startswith("Members of the dialogue")


def test_rows_say_the_status_side_and_the_former_partners_years() -> None:
    rows = {row.key: row for row in build_layer(MapState(layer="membership")).rows}
    assert rows["SEN"].cells[0] == "partner (African)"
    assert rows["ESP"].cells[0] == "partner (European)"
    assert rows["EGY"].cells == ("former partner (until 2014)", "until 2014")
    assert rows["SEN"].url == "/en/countries/SEN/"
    assert rows["SEN"].source is not None


def test_former_partner_with_known_years() -> None:
    egypt = Membership.objects.get(country__iso3="EGY", status="partner")
    egypt.started_year = 2006
    egypt.save()
    rows = {row.key: row for row in build_layer(MapState(layer="membership")).rows}
    assert rows["EGY"].cells[0] == "former partner (2006–2014)"


def test_french_names() -> None:
    with translation.override("fr"):
        rows = {row.key: row for row in build_layer(MapState(layer="membership")).rows}
    assert rows["SEN"].label == "Sénégal"


def test_an_unknown_layer_shows_membership_with_a_message() -> None:
    layer = build_layer(MapState(layer="nonsense"))
    assert layer.fills["SEN"] == "m-partner"
    assert layer.message
