"""A delegation from draft to confirmed: the window, the size, the steps that no longer
apply, stale edits and the history."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from rabatnet.meetings.models import Meeting, Registration
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f

from .registration_samples import (  # noqa: F401
    delegate,
    open_meeting,
    registration,
)

pytestmark = pytest.mark.django_db


def url(meeting: Meeting, step: str = "") -> str:
    kwargs = {"slug": meeting.slug, "iso3": "SEN"}
    name = f"registrations:registration_{step}" if step else "registrations:registration"
    return reverse(name, kwargs=kwargs)


def post_data(*rows: dict[str, str], note: str = "", version: int | None = None, initial: int = 0):
    data = {
        "note": note,
        "delegates-TOTAL_FORMS": str(len(rows)),
        "delegates-INITIAL_FORMS": str(initial),
        "delegates-MIN_NUM_FORMS": "0",
        "delegates-MAX_NUM_FORMS": "50",
    }
    if version is not None:
        data["version"] = str(version)
    for number, row in enumerate(rows):
        data.update({f"delegates-{number}-{k}": v for k, v in row.items()})
    return data


AWA = {
    "full_name": "Awa Diop",
    "function": "Director of migration",
    "email": "awa@example.org",
    "arrival_on": "2027-01-10",
    "departure_on": "2027-01-12",
    "head_of_delegation": "on",
}
IBRA = {"full_name": "Ibrahima Fall", "function": "Adviser"}


def test_a_focal_point_drafts_submits_and_the_secretariat_confirms(
    client, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    focal_point = f.focal_point("SEN")
    client.force_login(focal_point)
    page = client.get(url(meeting))
    assert page.status_code == 200 and 'name="delegates-2-full_name"' in page.content.decode()

    response = client.post(url(meeting), post_data(AWA, IBRA, {}, note="Two of us"))
    assert response.status_code == 302, response.context and response.context["formset"].errors
    saved = Registration.objects.get(meeting=meeting)
    assert saved.status == "draft" and saved.note == "Two of us"
    assert [d.full_name for d in saved.delegates.all()] == ["Awa Diop", "Ibrahima Fall"]
    assert saved.history.first().history_user == focal_point

    assert client.post(url(meeting, "submit")).status_code == 302
    saved.refresh_from_db()
    assert saved.status == "submitted" and saved.submitted_by == focal_point

    secretariat = f.secretariat()
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(meeting, "confirm"), {"next": "list"})
    assert response["Location"] == reverse(
        "registrations:meeting_registrations", kwargs={"slug": meeting.slug}
    )
    saved.refresh_from_db()
    assert saved.status == "confirmed" and saved.confirmed_by == secretariat
    assert saved.history.first().history_user == secretariat
    assert sorted(m.to[0] for m in mail.outbox) == ["awa@example.org", focal_point.email]


def test_outside_the_window_nothing_is_saved(client):
    now = timezone.now()
    meeting = open_meeting(
        registration_opens_at=now - timedelta(days=10),
        registration_closes_at=now - timedelta(days=1),
    )
    client.force_login(f.focal_point("SEN"))
    page = client.get(url(meeting)).content.decode()
    assert "Registration closed on" in page and 'name="delegates-0-full_name"' not in page
    response = client.post(url(meeting), post_data(AWA), follow=True)
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.exists()


def test_not_yet_open_cancelled_and_unpublished_meetings_refuse(client):
    later = timezone.now() + timedelta(days=5)
    soon = open_meeting("soon", registration_opens_at=later)
    cancelled = open_meeting("off", status=Meeting.Status.CANCELLED)
    client.force_login(f.focal_point("SEN"))
    assert "Registration opens on" in client.get(url(soon)).content.decode()
    client.post(url(cancelled), post_data(AWA))
    assert "cancelled" in client.get(url(cancelled)).content.decode()
    assert not Registration.objects.exists()
    secretariat = f.secretariat()
    hidden = open_meeting("hidden", published=False)
    client.force_login(secretariat)
    client.post(url(hidden), post_data(AWA))
    assert not Registration.objects.exists()


def test_the_delegation_size_and_one_head(client):
    meeting = open_meeting(delegation_size=1)
    client.force_login(f.focal_point("SEN"))
    response = client.post(url(meeting), post_data(AWA, IBRA))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    meeting2 = open_meeting("two", delegation_size=5)
    response = client.post(url(meeting2), post_data(AWA, {**IBRA, "head_of_delegation": "on"}))
    assert "Only one delegate can be the head" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_delegate_picked_from_the_directory(client):
    meeting = open_meeting()
    focal_point = f.focal_point("SEN")
    colleague = Person.objects.get(user=f.workgroup_member("SEN"))
    stranger = Person.objects.get(user=f.focal_point("MLI"))
    client.force_login(focal_point)
    response = client.post(url(meeting), post_data({"person": str(stranger.pk), "function": "x"}))
    assert response.status_code == 400  # not a person of the country
    response = client.post(url(meeting), post_data({"person": str(colleague.pk), "function": "x"}))
    assert response.status_code == 302
    [picked] = Registration.objects.get().delegates.all()
    assert (picked.person, picked.full_name, picked.email) == (
        colleague,
        colleague.full_name,
        colleague.email,
    )


def test_a_stale_edit_is_refused_with_the_change_shown(client):
    meeting = open_meeting()
    existing = registration(meeting, note="Original")
    delegate(existing, "Awa Diop")
    focal_point = f.focal_point("SEN")
    client.force_login(focal_point)
    opened_at = existing.version
    existing.note = "Changed by a colleague"
    existing.save()

    response = client.post(url(meeting), post_data(IBRA, note="Mine", version=opened_at))
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert ("Note to the secretariat", "Changed by a colleague") in [
        (str(label), str(value)) for label, value in form.stale_changes
    ]
    existing.refresh_from_db()
    assert existing.note == "Changed by a colleague"
    assert [d.full_name for d in existing.delegates.all()] == ["Awa Diop"]
    # The second, informed submit goes through.
    response = client.post(url(meeting), post_data(IBRA, note="Mine", version=existing.version))
    assert response.status_code == 302


def test_steps_that_no_longer_apply_are_refused(client):
    meeting = open_meeting()
    draft = registration(meeting)
    client.force_login(f.secretariat())
    response = client.post(url(meeting, "confirm"), follow=True)
    assert "Only a submitted registration can be confirmed" in response.content.decode()
    response = client.post(url(meeting, "submit"), follow=True)
    assert "List at least one delegate" in response.content.decode()
    client.post(url(meeting, "withdraw"))
    draft.refresh_from_db()
    assert draft.status == "withdrawn"
    response = client.post(url(meeting, "withdraw"), follow=True)
    assert "withdrawn already" in response.content.decode()
    response = client.post(url(meeting), post_data(AWA, version=draft.version), follow=True)
    assert "can no longer be changed" in response.content.decode()
    assert not draft.delegates.exists()
    other = open_meeting("other")
    response = client.post(url(other, "submit"), follow=True)
    assert "no registration for this meeting yet" in response.content.decode()


def test_removing_a_delegate(client):
    meeting = open_meeting()
    existing = registration(meeting)
    delegate(existing, "Awa Diop", email="awa@example.org")
    delegate(existing, "Ibrahima Fall")
    client.force_login(f.focal_point("SEN"))
    page = client.get(url(meeting))
    formset = page.context["formset"]
    rows = [
        {
            k: ("" if v is None else str(v))
            for k, v in form.initial.items()
            if k != "head_of_delegation"
        }
        for form in formset.forms[:2]
    ]
    rows[1]["DELETE"] = "on"
    client.post(url(meeting), post_data(*rows, version=existing.version, initial=2))
    assert [d.full_name for d in existing.delegates.all()] == ["Awa Diop"]
