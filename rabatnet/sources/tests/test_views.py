"""The source mapping: its table, bad input, edits and history."""

import lxml.html
import pytest

from rabatnet.countries.models import Country
from rabatnet.guides import services as guide_services
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f
from rabatnet.sources.models import Area, Source
from rabatnet.sources.tests.helpers import (
    _areas,
    _form_data,
    _get,
    _is_login_redirect,
    _source,
    _status,
    _url,
)

pytestmark = pytest.mark.django_db

# --- The table ----------------------------------------------------------------------------


def _rows(page: str, heading: str) -> dict[str, list[str]]:
    """{entity: [area names ticked]} for the table under the section headed ``heading``."""
    tree = lxml.html.fromstring(page)
    (section,) = [s for s in tree.iter("section") if s.findtext("h2") == heading]
    areas = [th.text_content().strip() for th in section.xpath(".//thead//th[@class='area']")]
    rows = {}
    for tr in section.xpath(".//tbody/tr"):
        header = tr.find("th")
        if header is None:
            continue
        ticks = [td.text_content().strip() for td in tr.xpath("./td[@class='tick']")]
        rows[header.text_content().strip()] = [a for a, t in zip(areas, ticks, strict=True) if t]
    return rows


def test_the_list_is_grouped_as_the_seeds_table(client, senegal, ansd, university):
    _source(senegal, ansd, "Recensement général", "trends", "migration-and-development")
    _source(senegal, ansd, "Registre des entrées", "border-management", kind="border_records")
    _source(senegal, university, "Enquête MAFE", "migration-and-development")
    iom = Organisation.objects.get_or_create(
        name="International Organization for Migration",
        country=None,
        defaults={"acronym": "IOM", "kind": Organisation.Kind.INTERNATIONAL},
    )[0]
    _source(senegal, iom, "Displacement Tracking Matrix", "migration-in-crisis")
    response = _get(client, f.focal_point("SEN"), _url("list"))
    page = response.content.decode()

    governmental = _rows(page, "Governmental entities")
    others = _rows(page, "Others (international, academic, civil society, private)")
    assert governmental == {str(ansd): ["Trends", "Border management", "Migration and development"]}
    assert others == {
        str(iom): ["Migration in crisis situations"],
        str(university): ["Migration and development"],
    }
    assert "4 sources mapped." in page
    for name in ["Recensement général", "Registre des entrées", "Enquête MAFE"]:
        assert name in page


def test_a_country_sees_only_its_own_sources(client, senegal, ansd):
    mali = Country.objects.get(iso3="MLI")
    _source(mali, f.OrganisationFactory.create(name="INSTAT", country=mali), "Recensement du Mali")
    _source(senegal, ansd, "Recensement du Sénégal", "trends")
    page = _get(client, f.focal_point("SEN"), _url("list")).content.decode()
    assert "Recensement du Sénégal" in page and "Recensement du Mali" not in page


def test_the_list_has_a_query_ceiling(client, senegal, django_assert_max_num_queries):
    """40 sources of 10 entities, with contacts and areas: no more queries than for one."""
    client.force_login(f.focal_point("SEN"))
    areas = list(Area.objects.all())
    kinds = [Organisation.Kind.GOVERNMENT, Organisation.Kind.ACADEMIC]
    entities = [
        f.OrganisationFactory.create(name=f"Entity {n}", kind=kinds[n % 2], country=senegal)
        for n in range(10)
    ]
    _source(senegal, entities[0], "Source 0", "trends")
    with django_assert_max_num_queries(12) as one:
        assert client.get(_url("list")).status_code == 200
    for n in range(1, 40):
        entity = entities[n % 10]
        source = _source(
            senegal, entity, f"Source {n}", contact=f.PersonFactory.create(organisation=entity)
        )
        source.areas.set(areas[: 1 + n % len(areas)])
    with django_assert_max_num_queries(12) as forty:
        response = client.get(_url("list"))
    assert response.status_code == 200 and "40 sources mapped." in response.content.decode()
    assert len(forty.captured_queries) == len(one.captured_queries)


# --- Bad input ------------------------------------------------------------------------------


def _field_errors(response) -> dict[str, list[str]]:
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"entity": None}, "entity"),
        ({"areas": None}, "areas"),
        ({"kind": "oracle"}, "kind"),
        ({"name": ""}, "name"),
        ({"periodicity": ""}, "periodicity"),
        ({"access": "secret"}, "access"),
        ({"status": "imaginary"}, "status"),
    ],
)
def test_the_source_form_refuses_bad_input(client, senegal, ansd, overrides, field):
    response = _get(
        client, f.focal_point("SEN"), _url("create"), "post", _form_data(ansd, **overrides)
    )
    assert response.status_code == 200
    errors = _field_errors(response)
    assert field in errors, errors
    page = response.content.decode()
    assert 'class="field invalid"' in page and 'class="error"' in page
    assert not Source.objects.filter(country=senegal).exists()


def test_an_entity_of_another_country_is_refused(client, senegal):
    mali = Country.objects.get(iso3="MLI")
    insd = f.OrganisationFactory.create(name="INSTAT", country=mali)
    response = _get(client, f.focal_point("SEN"), _url("create"), "post", _form_data(insd))
    assert response.status_code == 200 and "entity" in _field_errors(response)
    assert not Source.objects.exists()


def test_a_second_source_of_the_same_name_for_the_same_entity_is_refused(client, senegal, ansd):
    _source(senegal, ansd, "Recensement général", "trends")
    user = f.focal_point("SEN")
    data = _form_data(ansd, name="Recensement général")
    response = _get(client, user, _url("create"), "post", data)
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "Data collection entity and Name already exists" in message
    assert 'role="alert"' in response.content.decode()
    assert Source.objects.filter(country=senegal).count() == 1
    # Another entity may have a source of that name.
    other = f.OrganisationFactory.create(name="Ministère de l'Intérieur", country=senegal)
    data = _form_data(other, name="Recensement général")
    assert _status(client, user, _url("create"), "post", data) == 302
    assert Source.objects.filter(country=senegal, name="Recensement général").count() == 2


def test_renaming_a_source_onto_another_of_the_same_entity_is_refused(client, senegal, ansd):
    _source(senegal, ansd, "Recensement général", "trends")
    second = _source(senegal, ansd, "Registre des entrées", "border-management")
    data = _form_data(ansd, name="Recensement général", version=second.version)
    response = _get(client, f.focal_point("SEN"), _url("edit", pk=second.pk), "post", data)
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "Data collection entity and Name already exists" in message
    second.refresh_from_db()
    assert second.name == "Registre des entrées" and second.version == 1


def test_the_entity_form_refuses_bad_input(client, senegal):
    url = _url("entity_create")
    user = f.focal_point("SEN")
    response = _get(client, user, url, "post", {"name": "", "kind": "government"})
    assert response.status_code == 200 and "name" in _field_errors(response)
    response = _get(client, user, url, "post", {"name": "Direction X", "kind": "cartel"})
    assert response.status_code == 200 and "kind" in _field_errors(response)
    assert not Organisation.objects.filter(name="Direction X").exists()


def test_an_entity_is_added_for_the_country_then_offered(client, senegal):
    user = f.focal_point("SEN")
    data = {
        "name": "Direction de la police aux frontières",
        "acronym": "DPAF",
        "kind": "government",
    }
    response = _get(client, user, _url("entity_create"), "post", data)
    assert response.status_code == 302 and response.url == _url("create")
    entity = Organisation.objects.get(name="Direction de la police aux frontières")
    assert entity.country == senegal
    assert entity.history.get().history_user == user
    form = client.get(_url("create")).context["form"]
    assert entity in form.fields["entity"].queryset


# --- Create, edit, stale edit, history ----------------------------------------------------


def test_a_source_is_created_with_its_areas(client, senegal, ansd):
    user = f.workgroup_member("SEN")
    contact = f.PersonFactory.create(organisation=ansd, full_name="Awa Ndiaye")
    data = _form_data(ansd, contact=contact.pk, url="ansd.sn")
    response = _get(client, user, _url("create"), "post", data)
    assert response.status_code == 302 and response.url == _url("list")
    source = Source.objects.get(country=senegal)
    assert source.name == "Enquête nationale sur la migration" and source.entity == ansd
    assert source.contact == contact and source.url == "https://ansd.sn"
    assert {a.slug for a in source.areas.all()} == {"trends", "border-management"}
    assert {r.history_user for r in source.history.all()} == {user}


def _edit(
    client,
    user,
    source: Source,
    version: int,
    area_slugs: list[str] | None = None,
    **overrides: object,
):
    areas = area_slugs or [a.slug for a in source.areas.all()]
    data = _form_data(
        source.entity,
        name=overrides.pop("name", source.name),
        kind=source.kind,
        periodicity=source.periodicity,
        access=source.access,
        last_release=overrides.pop("last_release", source.last_release),
        areas=[a.pk for a in _areas(*areas)],
        version=version,
        **overrides,
    )
    return _get(client, user, _url("edit", pk=source.pk), "post", data)


def test_a_stale_edit_is_refused_with_what_changed_and_saves_nothing(client, senegal, ansd):
    source = _source(senegal, ansd, "Recensement", "trends")
    first, second = f.focal_point("SEN"), f.workgroup_member("SEN")
    assert _edit(client, first, source, 1, last_release="2024").status_code == 302
    source.refresh_from_db()
    assert source.version == 2 and source.last_release == "2024"

    # The second person started from version 1 and changes the name and the areas.
    response = _edit(
        client, second, source, 1, name="Recensement 2013", area_slugs=["border-management"]
    )
    assert response.status_code == 200
    form = response.context["form"]
    message = " ".join(form.non_field_errors())
    assert "Someone else saved this record while you were editing it" in message
    assert ("Last release", "2024") in form.stale_changes
    page = response.content.decode()
    assert "Changed meanwhile by someone else" in page and "2024" in page
    assert 'value="Recensement 2013"' in page  # what they typed is kept
    source.refresh_from_db()
    assert source.name == "Recensement" and source.version == 2
    assert [a.slug for a in source.areas.all()] == ["trends"]

    # Saving again from the refused form (now at version 2) goes through.
    again = _edit(
        client, second, source, form.data["version"], name="Recensement 2013", last_release="2024"
    )
    assert again.status_code == 302
    source.refresh_from_db()
    assert source.name == "Recensement 2013" and source.version == 3


def test_every_change_is_in_the_history_with_its_author(client, senegal, ansd):
    guide_services.guide_start(country=senegal, language="fr", actor=None)
    creator = f.focal_point("SEN", person__user__full_name="Fatou Diop")
    editor = f.workgroup_member("SEN", person__user__full_name="Moussa Sarr")
    remover = f.secretariat(person__user__full_name="Elena Secretariat")
    assert _get(client, creator, _url("create"), "post", _form_data(ansd)).status_code == 302
    source = Source.objects.get(country=senegal)
    assert _edit(client, editor, source, 1, last_release="2024").status_code == 302
    source.refresh_from_db()
    assert _edit(client, editor, source, 2, area_slugs=["trends"]).status_code == 302
    assert _status(client, remover, _url("delete", pk=source.pk), "post") == 302

    records = list(Source.history.filter(id=source.pk).order_by("history_date", "history_id"))
    assert (records[0].history_type, records[0].history_user) == ("+", creator)
    assert (records[-1].history_type, records[-1].history_user) == ("-", remover)
    changes = records[1:-1]
    assert {r.history_type for r in changes} == {"~"}
    assert {r.history_user for r in changes} == {creator, editor}
    # Who changed the last release, from what to what; who changed the areas.
    release = [r for r in changes if r.last_release != r.prev_record.last_release]
    assert [(r.history_user, r.prev_record.last_release, r.last_release) for r in release] == [
        (editor, "2023", "2024")
    ]
    areas = [(r.history_user, sorted(a.area.slug for a in r.areas.all())) for r in changes]
    assert areas[0] == (creator, ["border-management", "trends"])
    assert areas[-1] == (editor, ["trends"])

    history = "/en/countries/SEN/guide/history/"
    for user in [f.focal_point("SEN"), f.coordinating_authority("SEN"), f.secretariat()]:
        response = _get(client, user, history)
        assert response.status_code == 200
        page = response.content.decode()
        for name in ["Fatou Diop", "Moussa Sarr", "Elena Secretariat"]:
            assert name in page
        assert "Enquête nationale sur la migration" in page and "last release" in page
    assert _status(client, f.focal_point("MLI"), history) == 403
    assert _is_login_redirect(_get(client, None, history))
