"""The workspace forms: each part's records created, refused when wrong, edited, removed."""

import pytest
from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.guides.forms import PARTS
from rabatnet.guides.models import (
    ActorRole,
    Challenge,
    ChallengeType,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    WorkgroupMember,
)
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.guides.tests.workspace import post_as as _post
from rabatnet.guides.tests.workspace import workspace_url as _workspace
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def _create_url(part: str) -> str:
    return reverse("guides:part_create", kwargs={"iso3": "SEN", "part": part})


def _edit_url(part: str, pk: int) -> str:
    return reverse("guides:part_edit", kwargs={"iso3": "SEN", "part": part, "pk": pk})


def _delete_url(part: str, pk: int) -> str:
    return reverse("guides:part_delete", kwargs={"iso3": "SEN", "part": part, "pk": pk})


@pytest.fixture
def guide() -> Guide:
    return drafted_guide()


@pytest.fixture
def ansd(guide: Guide) -> Organisation:
    return Organisation.objects.get(acronym="ANSD", country=guide.country)


def _records(part: str, guide: Guide) -> list:
    return list(PARTS[part].records(guide))


def _valid(part: str, guide: Guide) -> dict[str, object]:
    """Good input for a new record of each part."""
    ansd = Organisation.objects.get(acronym="ANSD", country=guide.country)
    person = f.PersonFactory.create(full_name="Ibrahima Fall", organisation=ansd)
    challenge = Challenge.objects.get(guide=guide)
    records: dict[str, dict[str, object]] = {
        "actors": {"organisation": ansd.pk, "stage": "decision", "description": "Valide."},
        "workgroup": {"person": person.pk, "role_in_group": "Statisticien"},
        "practices": {
            "kind": "best_practice",
            "title": "Comité technique",
            "description": "Se réunit chaque trimestre.",
            "organisation": ansd.pk,
            "year": "2019",
        },
        "challenges": {"title": "Données dispersées", "description": "Entre ministères."},
        "actions": {
            "challenge": challenge.pk,
            "description": "Former les agents.",
            "owner": ansd.pk,
            "due_date": "2026-06-30",
            "status": "in_progress",
        },
        "recommendations": {
            "category": "training",
            "text": "Former les statisticiens.",
            "addressee": "ANSD",
            "priority": "medium",
        },
    }
    return records[part]


# --- Creating through the views ---------------------------------------------------------


@pytest.mark.parametrize("part", list(PARTS))
def test_each_part_creates_a_record_through_the_view(client, guide, part):
    user = f.workgroup_member("SEN")
    before = {r.pk for r in _records(part, guide)}
    response = _post(client, user, _create_url(part), _valid(part, guide))
    assert response.status_code == 302
    assert response.url == f"{_workspace()}#{part}"
    (created,) = [r for r in _records(part, guide) if r.pk not in before]
    assert created.version == 1
    assert created.history.get().history_user == user
    # It shows in the workspace.
    page = client.get(_workspace()).content.decode()
    assert _edit_url(part, created.pk) in page


@pytest.mark.parametrize("part", list(PARTS))
def test_each_part_refuses_the_wrong_people(client, guide, part):
    url = _create_url(part)
    data = _valid(part, guide)
    count = len(_records(part, guide))
    assert _is_login_redirect(_post(client, None, url, data))
    assert _post(client, f.focal_point("MLI"), url, data).status_code == 403
    assert _post(client, f.coordinating_authority("SEN"), url, data).status_code == 403
    assert len(_records(part, guide)) == count


def test_an_unknown_part_is_not_found(client, guide):
    client.force_login(f.focal_point("SEN"))
    assert client.get(_create_url("budget")).status_code == 404


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "changes", "fields"),
    [
        ("recommendations", {"text": "", "addressee": ""}, {"text", "addressee"}),
        ("recommendations", {"category": "wishes", "priority": "urgent"}, {"category", "priority"}),
        ("actors", {"stage": "dreaming", "description": ""}, {"stage", "description"}),
        ("actors", {"organisation": ""}, {"organisation"}),
        ("workgroup", {"person": ""}, {"person"}),
        ("practices", {"kind": "", "title": "", "year": "last year"}, {"kind", "title", "year"}),
        ("actions", {"owner": "", "description": ""}, {"owner", "description"}),
        ("actions", {"due_date": "30/02/2026", "status": "forgotten"}, {"due_date", "status"}),
        ("challenges", {"challenge_type": "999999"}, {"challenge_type"}),
    ],
)
def test_bad_input_is_refused_on_the_field_and_saves_nothing(client, guide, part, changes, fields):
    count = len(_records(part, guide))
    data = {**_valid(part, guide), **changes}
    response = _post(client, f.focal_point("SEN"), _create_url(part), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert fields <= set(errors), errors
    page = response.content.decode()
    assert 'class="field invalid"' in page and 'class="error" role="alert"' in page
    assert len(_records(part, guide)) == count


def test_a_challenge_needs_a_listed_type_or_its_own_title(client, guide):
    data = {"challenge_type": "", "title": "", "description": "Rien."}
    response = _post(client, f.focal_point("SEN"), _create_url("challenges"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    message = " ".join(str(e) for field_errors in errors.values() for e in field_errors)
    assert "challenge_has_type_or_title" not in message  # a sentence, not a constraint name
    assert "title" in errors, errors
    assert "Choose a challenge from the list, or name the country's own." in message
    assert Challenge.objects.filter(guide=guide).count() == 1
    # Either one is enough.
    listed = ChallengeType.objects.get(slug="limited-use")
    assert (
        _post(
            client,
            f.focal_point("SEN"),
            _create_url("challenges"),
            {"challenge_type": listed.pk, "title": ""},
        ).status_code
        == 302
    )
    assert Challenge.objects.filter(guide=guide, challenge_type=listed).exists()


def test_an_actor_role_twice_for_the_same_stage_is_refused_clearly(client, guide, ansd):
    user = f.focal_point("SEN")
    data = {"organisation": ansd.pk, "stage": "processing", "description": "Encore."}
    response = _post(client, user, _create_url("actors"), data)
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "already exists" in message
    assert ActorRole.objects.filter(guide=guide).count() == 1
    # Moving another role onto the taken stage is refused the same way, not with a 500.
    other = ActorRole.objects.create(
        guide=guide, organisation=ansd, stage="decision", description="Décide."
    )
    data = {**data, "version": other.version}
    response = _post(client, user, _edit_url("actors", other.pk), data)
    assert response.status_code == 200
    assert "already exists" in " ".join(response.context["form"].non_field_errors())
    other.refresh_from_db()
    assert other.stage == "decision" and other.version == 1


def test_a_second_coordinator_is_refused_clearly(client, guide):
    user = f.focal_point("SEN")
    ansd = Organisation.objects.get(acronym="ANSD", country=guide.country)
    person = f.PersonFactory.create(organisation=ansd)
    data = {"person": person.pk, "role_in_group": "", "is_coordinator": "on"}
    response = _post(client, user, _create_url("workgroup"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    message = " ".join(str(e) for field_errors in errors.values() for e in field_errors)
    assert "workgroup_one_coordinator_per_guide" not in message
    assert "is_coordinator" in errors and "already has a coordinator: Awa Contact" in message
    assert "already has a coordinator" in response.content.decode()
    assert WorkgroupMember.objects.filter(guide=guide).count() == 1
    # As a plain member, the same person is welcome...
    del data["is_coordinator"]
    assert _post(client, user, _create_url("workgroup"), data).status_code == 302
    member = WorkgroupMember.objects.get(guide=guide, person=person)
    # ... and promoting them while the other coordinator stays is refused, not a 500.
    data = {**data, "is_coordinator": "on", "version": member.version}
    response = _post(client, user, _edit_url("workgroup", member.pk), data)
    assert response.status_code == 200 and "is_coordinator" in response.context["form"].errors
    member.refresh_from_db()
    assert not member.is_coordinator
    assert WorkgroupMember.objects.filter(guide=guide, is_coordinator=True).count() == 1


def test_a_person_is_in_the_workgroup_once(client, guide):
    coordinator = WorkgroupMember.objects.get(guide=guide)
    data = {"person": coordinator.person_id, "role_in_group": "Encore"}
    response = _post(client, f.focal_point("SEN"), _create_url("workgroup"), data)
    assert response.status_code == 200
    assert "already exists" in " ".join(response.context["form"].non_field_errors())
    assert WorkgroupMember.objects.filter(guide=guide).count() == 1


def test_records_of_another_country_cannot_be_chosen(client, guide):
    mali = Country.objects.get(iso3="MLI")
    instat = f.OrganisationFactory.create(name="INSTAT", country=mali)
    malian = f.PersonFactory.create(organisation=instat)
    user = f.focal_point("SEN")
    for part, field, value in [
        ("actors", "organisation", instat.pk),
        ("practices", "organisation", instat.pk),
        ("actions", "owner", instat.pk),
        ("workgroup", "person", malian.pk),
    ]:
        count = len(_records(part, guide))
        data = {**_valid(part, guide), field: value}
        response = _post(client, user, _create_url(part), data)
        assert response.status_code == 200 and field in response.context["form"].errors, part
        assert len(_records(part, guide)) == count


def test_a_corrective_action_for_another_guides_challenge_is_refused(client, guide, ansd):
    mali_guide = drafted_guide("MLI", "fr")
    foreign = Challenge.objects.get(guide=mali_guide)
    count = CorrectiveAction.objects.count()
    data = {**_valid("actions", guide), "challenge": foreign.pk}
    response = _post(client, f.focal_point("SEN"), _create_url("actions"), data)
    assert response.status_code == 200 and "challenge" in response.context["form"].errors
    assert CorrectiveAction.objects.count() == count
    # Nor can an existing action be moved there.
    action = CorrectiveAction.objects.get(challenge__guide=guide)
    data = {**data, "version": action.version}
    response = _post(client, f.focal_point("SEN"), _edit_url("actions", action.pk), data)
    assert response.status_code == 200 and "challenge" in response.context["form"].errors
    action.refresh_from_db()
    assert action.challenge.guide_id == guide.pk


def test_another_guides_record_is_not_found_here(client, guide):
    mali_guide = drafted_guide("MLI", "fr")
    foreign = Recommendation.objects.get(guide=mali_guide)
    action = CorrectiveAction.objects.get(challenge__guide=mali_guide)
    client.force_login(f.focal_point("SEN"))
    assert client.get(_edit_url("recommendations", foreign.pk)).status_code == 404
    assert client.post(_delete_url("recommendations", foreign.pk)).status_code == 404
    assert client.post(_delete_url("actions", action.pk)).status_code == 404
    assert Recommendation.objects.filter(pk=foreign.pk).exists()


# --- Editing, stale edits, removal ----------------------------------------------------------


def test_a_record_is_edited_and_the_change_recorded(client, guide):
    practice = Practice.objects.get(guide=guide)
    user = f.focal_point("SEN")
    data = {
        "kind": "use_example",
        "title": "Profil migratoire 2018, révisé",
        "description": practice.description,
        "year": "2018",
        "version": practice.version,
    }
    assert _post(client, user, _edit_url("practices", practice.pk), data).status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Profil migratoire 2018, révisé" and practice.year == 2018
    assert practice.version == 2
    assert practice.history.latest().history_user == user


def test_a_stale_edit_of_a_record_is_refused(client, guide):
    recommendation = Recommendation.objects.get(guide=guide)
    url = _edit_url("recommendations", recommendation.pk)
    base = {"category": "cooperation", "addressee": "Ministère de l'Intérieur", "priority": "high"}
    first, second = f.focal_point("SEN"), f.workgroup_member("SEN")
    data = {**base, "text": "Coopérer davantage.", "version": 1}
    assert _post(client, first, url, data).status_code == 302

    response = _post(client, second, url, {**base, "text": "Coopérer mieux.", "version": 1})
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in " ".join(form.non_field_errors())
    assert ("Recommendation", "Coopérer davantage.") in form.stale_changes
    page = response.content.decode()
    assert "Changed meanwhile by someone else" in page and "Coopérer mieux." in page
    recommendation.refresh_from_db()
    assert recommendation.text == "Coopérer davantage." and recommendation.version == 2


def test_a_stale_edit_of_the_context_is_refused(client, guide):
    url = reverse("guides:text", kwargs={"iso3": "SEN"})
    data = {"title": "Guide du Sénégal", "context": "Premier.", "version": guide.version}
    assert _post(client, f.focal_point("SEN"), url, data).status_code == 302
    data = {**data, "context": "Second."}
    response = _post(client, f.workgroup_member("SEN"), url, data)
    assert response.status_code == 200
    assert "Someone else saved this record" in " ".join(response.context["form"].non_field_errors())
    guide.refresh_from_db()
    assert guide.context == "Premier."


@pytest.mark.parametrize("part", list(PARTS))
def test_removing_a_record(client, guide, part):
    (record,) = _records(part, guide)
    url = _delete_url(part, record.pk)
    assert _is_login_redirect(_post(client, None, url))
    assert _post(client, f.focal_point("MLI"), url).status_code == 403
    assert _post(client, f.coordinating_authority("SEN"), url).status_code == 403
    client.force_login(f.focal_point("SEN"))
    assert client.get(url).status_code == 405  # never on GET
    assert [r.pk for r in _records(part, guide)] == [record.pk]
    user = f.workgroup_member("SEN")
    response = _post(client, user, url)
    assert response.status_code == 302 and response.url == f"{_workspace()}#{part}"
    assert _records(part, guide) == []
    deleted = type(record).history.filter(id=record.pk, history_type="-").get()
    assert deleted.history_user == user


def test_the_secretariat_removes_a_record(client, guide):
    recommendation = Recommendation.objects.get(guide=guide)
    url = _delete_url("recommendations", recommendation.pk)
    assert _post(client, f.secretariat(), url).status_code == 302
    assert not Recommendation.objects.filter(pk=recommendation.pk).exists()
