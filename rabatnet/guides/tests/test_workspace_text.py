"""The guide's own text (title, context) and its contents checklist, in the workspace."""

import pytest
from django.urls import reverse

from rabatnet.guides.models import ContentItem, Guide
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.guides.tests.workspace import post_as as _post
from rabatnet.guides.tests.workspace import workspace_url as _workspace
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide() -> Guide:
    return drafted_guide()


def test_the_context_is_edited_by_editors_only(client, guide):
    url = reverse("guides:text", kwargs={"iso3": "SEN"})
    read = guide.version  # every save of the guide so far (its steps included) counted
    data = {"title": "Guide du Sénégal", "context": "Un contexte revu.", "version": read}
    for user in [f.focal_point("MLI"), f.coordinating_authority("SEN")]:
        assert _post(client, user, url, data).status_code == 403
        client.force_login(user)
        assert client.get(url + "?lang=fr").status_code == 403
    guide.refresh_from_db()
    assert guide.context.startswith("Le **contexte**") and guide.version == read
    user = f.focal_point("SEN")
    response = _post(client, user, url, data)
    assert response.status_code == 302 and response.url == _workspace()
    guide.refresh_from_db()
    assert (guide.title, guide.context, guide.version) == (
        "Guide du Sénégal",
        data["context"],
        read + 1,
    )
    assert guide.history.latest().history_user == user


def test_the_contents_checklist_is_edited_by_editors_only(client, guide):
    url = reverse("guides:contents", kwargs={"iso3": "SEN"})
    chosen = list(ContentItem.objects.filter(slug__in=["immigration", "remittances"]))
    data = {"contents": [c.pk for c in chosen]}
    for user in [f.focal_point("MLI"), f.coordinating_authority("SEN")]:
        assert _post(client, user, url, data).status_code == 403
        client.force_login(user)
        assert client.get(url + "?lang=fr").status_code == 403
    assert not guide.profile_contents.exists()
    client.force_login(f.workgroup_member("SEN"))
    page = client.get(url + "?lang=fr")
    assert page.status_code == 200 and "Immigration" in page.content.decode()
    response = _post(client, f.workgroup_member("SEN"), url, data)
    assert response.status_code == 302 and response.url == _workspace()
    assert set(guide.profile_contents.all()) == set(chosen)
    # Unticking everything clears the list.
    assert _post(client, f.secretariat(), url, {}).status_code == 302
    assert not guide.profile_contents.exists()
