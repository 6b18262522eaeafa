"""Writing follow-up actions: the secretariat turns a conclusion into actions and edits
them; the owner country's focal point updates status and progress note. History records
who; a stale edit is refused; bad input changes nothing."""

import pytest
from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.meetings.models import FollowUpAction
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f
from rabatnet.strategy.models import Objective

from .action_samples import action, conclusion, meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def dakar():
    m = meeting("dakar-2013")
    conclusion(m, 1)
    conclusion(m, 2)
    return m


def _objective(number: int = 10) -> Objective:
    return Objective.objects.get(framework__slug="dakar-strategy", number=number)


def _new(dakar, **changes) -> dict:
    data = {
        "conclusion": str(dakar.conclusions.get(number=2).pk),
        "title_en": "Set up a data working group",
        "title_fr": "Créer un groupe de travail sur les données",
        "owner_country": str(Country.objects.get(iso3="SEN").pk),
        "owner_organisation": "",
        "deadline": "2014-03-01",
        "objective": str(_objective().pk),
        "status": "open",
        "status_note": "",
    }
    return {**data, **changes}


def test_the_secretariat_turns_a_conclusion_into_an_action(client, dakar):
    client.force_login(user := f.secretariat())
    url = reverse("actions:create", kwargs={"slug": dakar.slug})
    page = client.get(url + "?conclusion=2")
    assert page.status_code == 200
    assert page.context["form"].initial["conclusion"].number == 2
    for odd in ("x", "9" * 30, "-1", "7"):  # no such conclusion: an empty form, no error
        assert client.get(f"{url}?conclusion={odd}").status_code == 200
    response = client.post(url, _new(dakar))
    assert response.status_code == 302
    created = FollowUpAction.objects.get(meeting=dakar)
    assert created.title_fr == "Créer un groupe de travail sur les données"
    assert created.conclusion is not None and created.conclusion.number == 2
    assert created.history.get().history_user == user


def test_an_action_has_one_owner(client, dakar):
    client.force_login(f.secretariat())
    url = reverse("actions:create", kwargs={"slug": dakar.slug})
    org = Organisation.objects.create(name="ICMPD", kind="international")
    both = client.post(url, _new(dakar, owner_organisation=str(org.pk)))
    assert "one owner" in str(both.context["form"].errors)
    neither = client.post(url, _new(dakar, owner_country=""))
    assert "Name the owner" in str(neither.context["form"].errors)
    assert not FollowUpAction.objects.exists()
    assert (
        client.post(url, _new(dakar, owner_country="", owner_organisation=str(org.pk))).status_code
        == 302
    )


def test_objectives_are_the_meetings_frameworks_and_conclusions_its_own(client, dakar):
    other = meeting("madrid-2013", month=11)
    foreign = conclusion(other, 1)
    client.force_login(f.secretariat())
    url = reverse("actions:create", kwargs={"slug": dakar.slug})
    response = client.post(url, _new(dakar, conclusion=str(foreign.pk)))
    assert "conclusion" in response.context["form"].errors
    assert not FollowUpAction.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("deadline", "2014-13-45"),
        ("objective", "9" * 30),
        ("owner_country", "-1"),
        ("status", "finished"),
        ("title_en", ""),
    ],
)
def test_bad_input_changes_nothing(client, dakar, field, value):
    client.force_login(f.secretariat())
    url = reverse("actions:create", kwargs={"slug": dakar.slug})
    response = client.post(url, _new(dakar, **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not FollowUpAction.objects.exists()


def test_control_characters_and_unicode_are_cleaned_not_refused(client, dakar):
    client.force_login(f.secretariat())
    url = reverse("actions:create", kwargs={"slug": dakar.slug})
    response = client.post(url, _new(dakar, title_en="Données\x00 \u202e ok\x07 — 移民"))
    assert response.status_code == 302
    assert FollowUpAction.objects.get().title_en == "Données \u202e ok — 移民"


def test_the_owner_focal_point_updates_progress_of_its_own_action_only(client, dakar):
    mine = action(dakar, iso3="SEN")
    theirs = action(dakar, "Mali's action", iso3="MLI")
    client.force_login(user := f.focal_point("SEN"))
    url = reverse("actions:progress", kwargs={"slug": dakar.slug, "pk": mine.pk})
    data = {"status": "in_progress", "status_note": "Working group met twice.", "version": "1"}
    assert client.post(url, data).status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.status_note) == ("in_progress", "Working group met twice.")
    assert mine.history.latest().history_user == user
    other = reverse("actions:progress", kwargs={"slug": dakar.slug, "pk": theirs.pk})
    assert client.post(other, {**data, "version": "1"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "open"
    # The focal point cannot edit the action itself (title, owner, deadline).
    edit = reverse("actions:edit", kwargs={"slug": dakar.slug, "pk": mine.pk})
    assert client.post(edit, {"title_en": "Hijacked"}).status_code == 403


def test_a_stale_progress_update_is_refused_with_the_change_shown(client, dakar):
    mine = action(dakar, iso3="SEN")
    client.force_login(f.focal_point("SEN"))
    url = reverse("actions:progress", kwargs={"slug": dakar.slug, "pk": mine.pk})
    opened_at = mine.version
    mine.status_note = "Secretariat: report expected in May."
    mine.save()
    response = client.post(
        url, {"status": "done", "status_note": "Mine", "version": str(opened_at)}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert "Secretariat: report expected in May." in [str(v) for _l, v in form.stale_changes]
    mine.refresh_from_db()
    assert mine.status == "open"


def test_a_stale_edit_of_the_secretariat_is_refused(client, dakar):
    mine = action(dakar)
    client.force_login(f.secretariat())
    url = reverse("actions:edit", kwargs={"slug": dakar.slug, "pk": mine.pk})
    opened = {**_new(dakar), "title_en": "Mine", "version": str(mine.version)}
    mine.title_en = "Changed meanwhile"
    mine.save()
    response = client.post(url, opened)
    assert response.status_code == 200
    assert "Changed meanwhile" in [str(v) for _l, v in response.context["form"].stale_changes]
    mine.refresh_from_db()
    assert mine.title_en == "Changed meanwhile"
    # The informed second submit goes through.
    again = {**opened, "version": str(mine.version)}
    assert client.post(url, again).status_code == 302
    mine.refresh_from_db()
    assert mine.title_en == "Mine"


def test_progress_is_refused_when_the_owner_changed_meanwhile(dakar):
    from rabatnet.meetings.action_services import action_progress

    mine = action(dakar, iso3="SEN")
    FollowUpAction.objects.filter(pk=mine.pk).update(owner_country=Country.objects.get(iso3="MLI"))
    mine.status = "done"
    with pytest.raises(Exception, match="another owner"):
        action_progress(action=mine, expected_version=mine.version, actor=None)
