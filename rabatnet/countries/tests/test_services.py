"""The reference tables as loaded by ``load_reference`` (see rabatnet/conftest.py)."""

import pytest
from django.http import Http404

from rabatnet.core.tests.narrowing import present
from rabatnet.countries import selectors
from rabatnet.countries.models import Country, Membership
from rabatnet.countries.services import strip_article

_EU_MEMBER_STATES = """
    AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL
    ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE
"""
EU_27 = set(_EU_MEMBER_STATES.split())


def _codes(countries: list[Country]) -> set[str]:
    return {c.iso3 for c in countries}


@pytest.mark.django_db
def test_every_country_of_the_code_table_is_loaded():
    assert Country.objects.count() == 251
    assert Country.objects.filter(iso3__in=["XKX", "CHI"]).count() == 2


@pytest.mark.django_db
def test_current_members_split_into_the_published_groups():
    groups = selectors.members_by_group()

    assert {key: len(value) for key, value in groups.items()} == {
        "european": 29,
        "african": 26,
        "observer": 2,
        "former_partner": 3,
    }
    assert _codes(groups["european"]) == EU_27 | {"NOR", "CHE"}
    assert _codes(groups["observer"]) == {"DZA", "LBY"}
    assert _codes(groups["former_partner"]) == {"GBR", "ISL", "EGY"}
    assert {"SEN", "MLI", "MAR", "STP"} <= _codes(groups["african"])
    assert not _codes(groups["african"]) & {"DZA", "LBY", "EGY"}


@pytest.mark.django_db
def test_membership_counts_match_the_groups():
    counts = selectors.membership_counts()

    assert counts["european"] == 29
    assert counts["african"] == 26
    assert counts["observer"] == 2
    assert counts["former_partner"] == 3


@pytest.mark.django_db
def test_sixty_countries_have_a_membership_past_or_present():
    members = selectors.member_countries()

    assert len(members) == 60
    assert Country.objects.members().count() == 60
    assert "BRA" not in _codes(members)


@pytest.mark.django_db
def test_libya_was_partner_until_2014_and_is_observer_since():
    libya = selectors.country_by_iso3("LBY")

    periods = [(m.status, m.started_year, m.ended_year) for m in libya.memberships.all()]

    assert periods == [
        (Membership.Status.PARTNER, None, 2014),
        (Membership.Status.OBSERVER, 2014, None),
    ]
    assert present(libya.current_membership()).status == Membership.Status.OBSERVER


@pytest.mark.django_db
def test_egypt_is_a_former_partner_since_2014():
    egypt = selectors.country_by_iso3("EGY")

    current = present(egypt.current_membership())

    assert current.status == Membership.Status.FORMER_PARTNER
    assert current.started_year == 2014
    assert egypt.memberships.get(status=Membership.Status.PARTNER).ended_year == 2014


@pytest.mark.django_db
def test_side_and_group_come_from_the_member_list():
    senegal = Membership.objects.get(country__iso3="SEN")
    norway = Membership.objects.get(country__iso3="NOR")

    assert (senegal.side, senegal.group) == (
        Membership.Side.AFRICAN,
        Membership.Group.AFRICAN_STATE,
    )
    assert (norway.side, norway.group) == (
        Membership.Side.EUROPEAN,
        Membership.Group.NON_EU_EUROPEAN_STATE,
    )
    assert Membership.objects.get(country__iso3="FRA").group == Membership.Group.EU_MEMBER_STATE


@pytest.mark.django_db
def test_french_names_lose_their_article_and_keep_the_un_form(senegal):
    assert senegal.name_fr == "Sénégal"
    assert senegal.official_name_fr == "Sénégal (le)"
    assert Country.objects.get(iso3="FRA").name_fr == "France"
    assert Country.objects.get(iso3="NLD").name_fr == "Pays-Bas"
    assert Country.objects.get(iso3="CIV").name_fr == "Côte d’Ivoire"


@pytest.mark.django_db
def test_english_names_are_the_un_names_without_the_article():
    gambia = Country.objects.get(iso3="GMB")

    assert gambia.name_en == "Gambia"
    assert Country.objects.get(iso3="COD").name_en == "Democratic Republic of the Congo"
    # Where UNTERM has no name, the CLDR short name stands in.
    assert Country.objects.get(iso3="ABW").name_en == "Aruba"


@pytest.mark.django_db
def test_portuguese_names_come_from_pycountry(senegal):
    assert senegal.name_pt == "Senegal"
    assert Country.objects.get(iso3="GMB").name_pt == "Gâmbia"
    assert Country.objects.get(iso3="CIV").name_pt == "Costa do Marfim"
    # Kosovo is not in ISO 3166: its English name stands in.
    kosovo = Country.objects.get(iso3="XKX")
    assert kosovo.name_pt == kosovo.name_en


@pytest.mark.django_db
def test_codes_and_regions_are_loaded(senegal):
    assert (senegal.iso2, senegal.iso_numeric, senegal.m49) == ("SN", "686", "686")
    assert (senegal.region, senegal.subregion, senegal.intermediate_region) == (
        "Africa",
        "Sub-Saharan Africa",
        "Western Africa",
    )
    assert senegal.is_independent
    assert not Country.objects.get(iso3="ABW").is_independent


@pytest.mark.django_db
def test_country_by_iso3_ignores_case_and_refuses_unknown_codes():
    assert selectors.country_by_iso3("sen").iso3 == "SEN"
    with pytest.raises(Http404):
        selectors.country_by_iso3("XXX")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sénégal (le)", "Sénégal"),
        ("Gambia (the)", "Gambia"),
        ("Afghanistan (l')", "Afghanistan"),
        ("Côte d’Ivoire", "Côte d’Ivoire"),
        ("Pays-Bas (les)", "Pays-Bas"),
        ("Bolivie (État plurinational de)", "Bolivie (État plurinational de)"),
    ],
)
def test_strip_article_removes_only_a_trailing_article(name, expected):
    assert strip_article(name) == expected
