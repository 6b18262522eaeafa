"""Entering, submitting, verifying and returning self-assessments: each step refused once it
no longer applies, stale edits refused, history kept with the actor, mails through the worker."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.followup import cycle_selectors as selectors
from rabatnet.followup import cycle_services as services
from rabatnet.followup.models import Assessment, ReviewState
from rabatnet.network.tests import factories as f

from .cycle_fixtures import fill, make_cycle, objectives, person_of, report

pytestmark = pytest.mark.django_db


def _url(name: str, cycle, **kwargs) -> str:
    return reverse(f"cycles:{name}", kwargs={"slug": cycle.slug, **kwargs})


def test_a_focal_point_enters_saves_and_submits(client):
    cycle = make_cycle()
    user = f.focal_point("SEN")
    client.force_login(user)
    first = _url("assessment", cycle, iso3="SEN", number=1)
    response = client.post(first, {"self_status": "planned", "narrative": "A plan\r\nadopted\x00"})
    assert response.status_code == 302
    entry = Assessment.objects.get(cycle=cycle, country__iso3="SEN", objective__number=1)
    assert entry.review_state == ReviewState.DRAFT
    assert entry.narrative == "A plan\nadopted"
    assert entry.history.first().history_user == user

    submit = _url("submit", cycle, iso3="SEN")
    response = client.post(submit, follow=True)
    assert "Give every objective a status" in response.content.decode()
    assert Assessment.objects.get(pk=entry.pk).review_state == ReviewState.DRAFT

    for objective in objectives()[1:]:
        client.post(
            _url("assessment", cycle, iso3="SEN", number=objective.number),
            {"self_status": "in_progress", "narrative": ""},
        )
    response = client.post(submit, follow=True)
    assert "entries submitted" in response.content.decode()
    assert set(cycle.assessments.values_list("review_state", flat=True)) == {"submitted"}
    # Submitted: no more changes from the country.
    edit = {"self_status": "achieved", "narrative": "", "version": str(entry.version + 1)}
    response = client.post(first, edit)
    assert response.status_code == 200
    assert "cannot be changed" in response.content.decode()
    assert Assessment.objects.get(pk=entry.pk).self_status == "planned"


def test_the_country_page_shows_the_previous_cycle_beside(client):
    user = f.focal_point("SEN")
    earlier = make_cycle("2024-round", days_left=-300, opened=400)
    fill(earlier, "SEN", user, status="planned")
    cycle = make_cycle()
    client.force_login(user)
    page = client.get(_url("country", cycle, iso3="SEN")).content.decode()
    assert "Round 2024-round" in page and "Done on 1" in page
    assert page.count('name="self_status"') == len(objectives())


def test_a_stale_edit_is_refused_with_the_change_shown(client):
    cycle = make_cycle()
    user = f.focal_point("SEN")
    entry = fill(cycle, "SEN", user)[0]
    services.assessment_save(
        cycle=cycle,
        country=entry.country,
        objective=entry.objective,
        self_status="achieved",
        narrative="Theirs",
        expected_version=entry.version,
        actor=f.workgroup_member("SEN"),
    )
    client.force_login(user)
    url = _url("assessment", cycle, iso3="SEN", number=entry.objective.number)
    data = {"self_status": "planned", "narrative": "Mine", "version": str(entry.version)}
    response = client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert "Theirs" in [str(v) for _label, v in form.stale_changes]
    assert Assessment.objects.get(pk=entry.pk).narrative == "Theirs"


def test_a_new_entry_created_meanwhile_is_not_overwritten(client):
    cycle = make_cycle()
    fill(cycle, "SEN", f.workgroup_member("SEN"))
    client.force_login(f.focal_point("SEN"))
    url = _url("assessment", cycle, iso3="SEN", number=1)
    response = client.post(url, {"self_status": "planned", "narrative": "Mine"})  # no version
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert form["version"].value()  # armed: the next, informed submit goes through
    response = client.post(url, {**form.data.dict(), "narrative": "Mine"})
    assert response.status_code == 302
    assert cycle.assessments.get(objective__number=1).narrative == "Mine"


def test_closing_stops_entries_and_is_refused_twice(client):
    cycle = make_cycle()
    client.force_login(f.secretariat())
    close = _url("close", cycle)
    assert client.post(close).status_code == 302
    response = client.post(close, follow=True)
    assert "closed already" in response.content.decode()
    client.force_login(f.focal_point("SEN"))
    response = client.post(
        _url("assessment", cycle, iso3="SEN", number=1), {"self_status": "planned"}
    )
    assert response.status_code == 200
    assert "takes no more entries" in response.content.decode()
    assert not cycle.assessments.exists()


def test_late_entries_are_taken_and_flagged(client):
    cycle = make_cycle(days_left=-3, opened=30)
    user = f.focal_point("SEN")
    entries = report(cycle, "SEN", user)
    assert all(selectors.is_late(a) for a in entries)
    client.force_login(f.secretariat())
    page = client.get(_url("queue", cycle)).content.decode()
    assert "after the deadline" in page


def test_verification_may_differ_and_publishes(client):
    cycle = make_cycle()
    entry = report(cycle, "SEN", f.focal_point("SEN"))[0]
    secretariat = f.secretariat()
    client.force_login(secretariat)
    url = _url("verify", cycle, pk=entry.pk)
    page = client.get(url).content.decode()
    assert "Done on 1" in page and "in progress" in page
    data = {"verified_status": "planned", "verification_note": "Not yet", "version": entry.version}
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.review_state == ReviewState.VERIFIED
    assert (entry.self_status, entry.verified_status) == ("in_progress", "planned")
    assert entry.verified_by == secretariat
    assert list(Assessment.objects.published()) == [entry]
    # A second verification no longer applies.
    response = client.post(url, {**data, "version": entry.version})
    assert "no longer waiting for verification" in response.content.decode()


def test_return_needs_a_reason_and_mails_the_focal_points_in_their_language(
    client, django_capture_on_commit_callbacks
):
    cycle = make_cycle()
    focal = f.focal_point("SEN")
    french = person_of(f.focal_point("SEN"))
    french.language = "fr"
    french.save()
    f.focal_point("MLI")
    entry = report(cycle, "SEN", focal)[0]
    client.force_login(f.secretariat())
    url = _url("return", cycle, pk=entry.pk)
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert Assessment.objects.get(pk=entry.pk).review_state == ReviewState.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Add the sources"}).status_code == 302
    entry.refresh_from_db()
    assert entry.review_state == ReviewState.RETURNED and entry.return_reason == "Add the sources"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([focal.email, french.email])
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Add the sources" in by_address[focal.email].body
    assert by_address[french.email].subject.startswith("Renvoy") or "Sénégal" in (
        by_address[french.email].subject
    )
    # Returned: editable again, and submitted again.
    client.force_login(focal)
    number = entry.objective.number
    edit = _url("assessment", cycle, iso3="SEN", number=number)
    data = {"self_status": "achieved", "narrative": "With sources", "version": entry.version}
    assert client.post(edit, data).status_code == 302
    submitted = services.country_submit(cycle=cycle, country=entry.country, actor=focal)
    assert [a.pk for a in submitted] == [entry.pk]


def test_submit_with_nothing_left_is_refused():
    cycle = make_cycle()
    user = f.focal_point("SEN")
    report(cycle, "SEN", user)
    with pytest.raises(ValidationError, match="Nothing to submit"):
        services.country_submit(cycle=cycle, country=Country.objects.get(iso3="SEN"), actor=user)


def test_a_cycle_deadline_before_it_opens_is_refused(client):
    client.force_login(f.secretariat())
    today = timezone.localdate()
    data = {
        "framework": str(make_cycle().framework_id),
        "slug": "bad",
        "title_en": "Bad",
        "title_fr": "",
        "opens_on": today.isoformat(),
        "deadline": (today - timedelta(days=1)).isoformat(),
    }
    response = client.post(reverse("cycles:create"), data)
    assert response.status_code == 200
    assert "deadline cannot come before" in response.content.decode()
    response = client.post(reverse("cycles:create"), {**data, "deadline": today.isoformat()})
    assert response.status_code == 302


def test_history_lists_every_change_with_who_and_from_to(client):
    cycle = make_cycle()
    user = f.focal_point("SEN")
    entry = report(cycle, "SEN", user)[0]
    services.assessment_return(assessment=entry, reason="Why", actor=f.secretariat())
    client.force_login(user)
    page = client.get(_url("history", cycle, iso3="SEN")).content.decode()
    assert "returned with a reason" in page and "submitted for verification" in page
    assert user.get_full_name() in page
    assert "Reason for return" in page
