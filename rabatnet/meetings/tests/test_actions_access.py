"""The triad on every page of follow-up actions: anonymous → sign-in (public pages of a
published meeting excepted), half-signed-in → sign-in, another country's focal point → 403,
the owner country's focal point (progress only), the secretariat (everything)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .action_samples import action, conclusion, meeting

pytestmark = pytest.mark.django_db


def _status(client, user, url: str) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def _urls(slug: str, pk: int) -> dict[str, str]:
    kw = {"slug": slug, "pk": pk}
    return {
        "create": reverse("actions:create", kwargs={"slug": slug}),
        "edit": reverse("actions:edit", kwargs=kw),
        "progress": reverse("actions:progress", kwargs=kw),
    }


@pytest.fixture
def sen_action():
    m = meeting("dakar-2013")
    conclusion(m)
    return action(m)


def test_secretariat_pages_triad(client, sen_action):
    urls = _urls(sen_action.meeting.slug, sen_action.pk)
    for name in ("create", "edit"):
        url = urls[name]
        assert _status(client, None, url) == 302, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == 403, name  # the owner: not these
        assert _status(client, f.secretariat(), url) == 200, name


def test_progress_page_triad(client, sen_action):
    url = _urls(sen_action.meeting.slug, sen_action.pk)["progress"]
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.workgroup_member("SEN"), url) == 403  # focal points only
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_an_organisations_action_is_updated_by_the_secretariat_only(client):
    m = meeting("org-meeting")
    a = action(m, iso3=None)
    url = _urls(m.slug, a.pk)["progress"]
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, f.secretariat(), url) == 200


def test_public_pages_of_a_published_meeting_are_open(client, sen_action):
    for url in (
        reverse("actions:list"),
        reverse("actions:csv"),
        reverse("actions:meeting", kwargs={"slug": sen_action.meeting.slug}),
    ):
        assert _status(client, None, url) == 200, url
        assert _status(client, f.focal_point("MLI"), url) == 200, url


def test_a_draft_meetings_actions_are_the_secretariats(client):
    m = meeting("draft-meeting", published=False)
    a = action(m, "Hidden draft action")
    url = reverse("actions:meeting", kwargs={"slug": m.slug})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.secretariat(), url) == 200
    client.logout()
    assert "Hidden draft action" not in client.get(reverse("actions:list")).content.decode()
    assert "Hidden draft action" not in client.get(reverse("actions:csv")).content.decode()
    # The owner's focal point may still report progress on it.
    assert _status(client, f.focal_point("SEN"), _urls(m.slug, a.pk)["progress"]) == 200


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point", "secretariat"])
def test_half_signed_in_is_sent_to_sign_in(client, sen_action):
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for url in _urls(sen_action.meeting.slug, sen_action.pk).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize(
    "slug, pk",
    [("no-such-meeting", 1), ("bad slug!", 1), ("x" * 200, 1), ("dakar-2013", 9 * 10**20)],
)
def test_unknown_or_malformed_keys_are_not_found(client, sen_action, slug, pk):
    client.force_login(f.secretariat())
    url = f"/en/meetings/{slug}/actions/{pk}/edit/"
    assert client.get(url).status_code == 404


def test_the_action_of_another_meeting_is_not_found(client, sen_action):
    other = meeting("madrid-2013", month=11)
    client.force_login(f.secretariat())
    url = reverse("actions:edit", kwargs={"slug": other.slug, "pk": sen_action.pk})
    assert client.get(url).status_code == 404
