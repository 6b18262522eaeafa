"""The map state from the URL query: the contract's names and values, and odd input."""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.imap.state import parse_state, state_url
from rabatnet.imap.types import MapState


def parse(query: str) -> tuple[MapState, list[str]]:
    return parse_state(QueryDict(query))


def test_every_part_of_the_contract() -> None:
    state, errors = parse(
        "layer=bilateral&indicator=pop&year=2024&country=SEN&direction=origins&q=Mali"
    )

    assert errors == []
    assert state == MapState("bilateral", "pop", 2024, "SEN", "origins", "Mali")


def test_nothing_given_is_the_default_state() -> None:
    assert parse("") == (MapState(), [])


def test_a_lower_case_code_is_the_country() -> None:
    assert parse("country=sen")[0].country == "SEN"


@pytest.mark.parametrize(
    ("query", "part", "message"),
    [
        ("layer=satellite", "layer", "There is no map layer called “satellite”."),
        ("layer=MEMBERSHIP", "layer", "There is no map layer called “MEMBERSHIP”."),
        ("year=99999999999999999999", "year", "The map has no year after 2100."),
        ("year=-5", "year", "The map has no year before 1900."),
        ("year=20x4", "year", "A year is written with four digits, e.g. 2024."),
        ("country=SENE", "country", "A country is given by its three-letter ISO code, e.g. SEN."),
        (
            "country=S%C3%89N",
            "country",
            "A country is given by its three-letter ISO code, e.g. SEN.",
        ),
        (
            "country=%C5%BFen",
            "country",
            "A country is given by its three-letter ISO code, e.g. SEN.",
        ),
        ("direction=up", "direction", "The direction is “origins” or “destinations”."),
        ("indicator=a%20b", "indicator", "An indicator code has only letters, digits, - and _."),
        ("q=" + "x" * 101, "q", "Type at most 100 characters to find a country."),
    ],
)
def test_an_odd_part_gives_its_message_and_the_default(query: str, part: str, message: str) -> None:
    state, errors = parse(query)

    assert errors == [message]
    assert getattr(state, part) == getattr(MapState(), part)


def test_control_characters_are_dropped() -> None:
    state, errors = parse("q=Se%00n%1Begal&country=S%00EN")

    assert state.q == "Senegal"
    assert state.country == "SEN"
    assert errors == []


def test_the_good_parts_stay_when_one_is_odd() -> None:
    state, errors = parse("layer=routes&year=3000&country=MLI")

    assert (state.layer, state.year, state.country) == ("routes", None, "MLI")
    assert len(errors) == 1


def test_the_url_of_a_state_leaves_out_what_the_layer_does_not_use() -> None:
    state = MapState("indicator", "pop", 2024, "SEN", "origins", "senegal")

    assert state_url(state) == "/en/map/?layer=indicator&indicator=pop&year=2024&country=SEN"
    assert state_url(state, "imap:embed", layer="bilateral", year=None) == (
        "/en/map/embed/?layer=bilateral&country=SEN&direction=origins"
    )


ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.dictionaries(
        st.sampled_from(["layer", "indicator", "year", "country", "direction", "q", "other"]),
        st.one_of(ANY_TEXT, st.integers().map(str)),
    )
)
def test_any_query_gives_a_state_the_contract_allows(values: dict[str, str]) -> None:
    query = QueryDict(mutable=True)
    query.update(values)

    state, errors = parse_state(query)

    assert state.layer in ("membership", "guides", "indicator", "bilateral", "routes")
    assert state.direction in ("origins", "destinations")
    assert state.year is None or 1900 <= state.year <= 2100
    assert state.country == "" or (len(state.country) == 3 and state.country.isascii())
    assert all(isinstance(e, str) and e for e in errors)
    assert "?" in state_url(state) or state_url(state) == "/en/map/?layer=membership"
