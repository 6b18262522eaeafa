"""Terms of reference: each text a new version, the country agrees the latest, the diff."""

import pytest
from django.core import mail
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import lifecycle
from ..models import TermsOfReference
from ..services import request_advance
from .factories import make_request
from .request_samples import with_terms

pytestmark = pytest.mark.django_db


def _new(client, request, text, after):
    url = reverse("support:terms_new", kwargs={"pk": request.pk})
    return client.post(url, {"text": text, "after": after})


def test_each_text_is_a_new_version_and_the_country_is_asked_to_agree(
    client, django_capture_on_commit_callbacks
):
    request = make_request("SEN")
    focal = f.focal_point("SEN")
    f.workgroup_member("SEN")
    f.focal_point("MLI")
    client.force_login(f.secretariat())
    with django_capture_on_commit_callbacks(execute=True):
        assert _new(client, request, "Train **20** officers.", 0).status_code == 302
    assert [m.to for m in mail.outbox] == [[focal.email]]
    assert "version 1" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert _new(client, request, "Train **25** officers.", 1).status_code == 302
    assert list(request.terms.values_list("number", flat=True)) == [1, 2]
    page = client.get(reverse("support:terms", kwargs={"pk": request.pk})).content.decode()
    assert "<strong>25</strong>" in page
    assert '<del class="removed">**20**</del>' in page
    assert '<ins class="added">**25**</ins>' in page


def test_a_version_written_meanwhile_refuses_the_stale_one(client):
    request = make_request("SEN")
    client.force_login(f.secretariat())
    _new(client, request, "First.", 0)
    response = _new(client, request, "Also first.", 0)
    assert response.status_code == 200
    assert "Version 1 was written while you were editing" in response.content.decode()
    assert request.terms.count() == 1
    # The page now carries the new latest: the informed second submit goes through.
    assert 'name="after" value="1"' in response.content.decode()


def test_markdown_is_sanitised(client):
    request = make_request("SEN")
    with_terms(request, "<script>alert(1)</script> [x](javascript:alert(1))")
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("support:detail", kwargs={"pk": request.pk})).content.decode()
    assert "<script>alert(1)" not in page and 'href="javascript' not in page


def test_the_country_agrees_the_latest_only_and_then_scope_opens(client):
    request = make_request("SEN")
    with_terms(request, "One.", "Two.")
    focal = f.focal_point("SEN")
    client.force_login(focal)
    old = reverse("support:terms_agree", kwargs={"pk": request.pk, "number": 1})
    response = client.post(old, follow=True)
    assert "no longer the latest" in response.content.decode()
    latest = reverse("support:terms_agree", kwargs={"pk": request.pk, "number": 2})
    client.post(latest)
    agreed = TermsOfReference.objects.get(request=request, number=2)
    assert agreed.agreed_by == focal and agreed.agreed_at is not None
    response = client.post(latest, follow=True)
    assert "already agreed" in response.content.decode()
    staff = f.secretariat()
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    request_advance(request=request, action=lifecycle.SCOPE, actor=staff)


def test_terms_are_settled_once_scoped(client):
    request = make_request("SEN")
    with_terms(request, "One.", agreed=True)
    staff = f.secretariat()
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=staff)
    request_advance(request=request, action=lifecycle.SCOPE, actor=staff)
    client.force_login(staff)
    response = _new(client, request, "Two.", 1)
    assert "settled at this stage" in response.content.decode()
    assert request.terms.count() == 1
