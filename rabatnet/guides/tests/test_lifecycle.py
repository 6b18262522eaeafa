"""From records to a published, frozen edition; who may take each step."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import reverse

from rabatnet.guides import services
from rabatnet.guides.models import Edition, Stage
from rabatnet.guides.tests.factories import drafted_guide, published_guide
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def test_submit_endorse_publish_records_each_step():
    guide = drafted_guide()
    edition = services.guide_submit(guide=guide, actor=None)
    assert edition.number == 1 and edition.status == Edition.Status.SUBMITTED and edition.verify()
    with pytest.raises(ValidationError):
        services.edition_publish(edition=edition, actor=None)  # not endorsed yet
    services.edition_endorse(edition=edition, actor=None)
    services.edition_publish(edition=edition, actor=None)
    guide.refresh_from_db()
    assert guide.stage == Stage.PUBLISHED
    stages = list(guide.events.order_by("at", "pk").values_list("stage", flat=True))
    assert stages == ["expression_of_interest", "drafting", "submitted", "endorsed", "published"]


def test_sending_back_needs_comments_and_resumes_drafting():
    guide = drafted_guide()
    edition = services.guide_submit(guide=guide, actor=None)
    with pytest.raises(ValidationError):
        services.edition_return(edition=edition, actor=None, comment=" ")
    services.edition_return(edition=edition, actor=None, comment="Compléter la partie II.")
    guide.refresh_from_db()
    assert guide.stage == Stage.DRAFTING
    assert services.guide_submit(guide=guide, actor=None).number == 2


def test_a_published_edition_cannot_change_and_its_hash_still_verifies():
    edition = published_guide().editions.get()
    original = edition.content_sha256
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).update(content={"tampered": True})
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).delete()
    edition.refresh_from_db()
    assert edition.content_sha256 == original and edition.verify()
    assert edition.pdf_sha256  # built by the (inline) worker on publication


def test_a_later_edit_starts_a_new_draft_edition():
    guide = published_guide()
    guide.context = "Nouveau contexte."
    guide.save()
    second = services.guide_submit(guide=guide, actor=None)
    first = guide.editions.get(number=1)
    assert second.number == 2 and first.status == Edition.Status.PUBLISHED
    assert second.content["context"] == "Nouveau contexte." != first.content["context"]


def _status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def test_workspace_and_drafts_triad(client):
    guide = drafted_guide()
    services.guide_submit(guide=guide, actor=None)
    for name, kwargs in [
        ("guides:workspace", {}),
        ("guides:preview", {}),
        ("guides:history", {}),
        ("guides:edition", {"number": 1}),
    ]:
        url = reverse(name, kwargs={"iso3": "SEN", **kwargs})
        assert _status(client, None, url) == 302, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name
    # The public sees no draft: the guide page itself is not there before publication.
    assert _status(client, None, reverse("guides:detail", kwargs={"iso3": "SEN"})) == 404


def test_edit_views_triad(client):
    drafted_guide()
    for name, kwargs in [
        ("guides:text", {}),
        ("guides:contents", {}),
        ("guides:part_create", {"part": "recommendations"}),
    ]:
        url = reverse(name, kwargs={"iso3": "SEN", **kwargs})
        assert _status(client, None, url) == 302
        assert _status(client, f.focal_point("MLI"), url) == 403
        assert _status(client, f.coordinating_authority("SEN"), url) == 403
        assert _status(client, f.workgroup_member("SEN"), url) == 200
        assert _status(client, f.secretariat(), url) == 200


def test_only_the_authority_endorses_and_only_the_secretariat_publishes(client):
    guide = drafted_guide()
    services.guide_submit(guide=guide, actor=None)
    decide = reverse("guides:decide", kwargs={"iso3": "SEN", "number": 1})
    data = {"decision": "endorse", "lang": "fr"}
    assert _status(client, f.focal_point("SEN"), decide, "post", data) == 403
    assert _status(client, f.coordinating_authority("MLI"), decide, "post", data) == 403
    assert _status(client, f.coordinating_authority("SEN"), decide, "post", data) == 302
    publish = reverse("guides:publish", kwargs={"iso3": "SEN", "number": 1})
    assert _status(client, f.coordinating_authority("SEN"), publish, "post", {"lang": "fr"}) == 403
    assert _status(client, f.secretariat(), publish, "post", {"lang": "fr"}) == 302
    assert guide.editions.get().status == Edition.Status.PUBLISHED


def test_public_reads_published_guide_pdf_docx_and_editions(client):
    published_guide()
    detail = client.get("/en/countries/SEN/guide/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "I. Aperçu des sources" in page or "Recensement général de la population" in page
    edition = detail.context["edition"]
    assert edition.content_sha256 in page and edition.pdf_sha256 in page
    pdf = client.get("/en/countries/SEN/guide.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # Read to the end (closes the file); response.close() would close the DB connection.
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    docx = client.get("/en/countries/SEN/guide.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get("/en/countries/SEN/guide/editions/").status_code == 200


def test_history_queries_do_not_grow_with_the_number_of_changes():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rabatnet.guides.history import guide_changes
    from rabatnet.guides.models import Recommendation

    guide = drafted_guide()
    recommendation = Recommendation.objects.get(guide=guide)

    def edits(n: int) -> int:
        for i in range(n):
            recommendation.text = f"Coopérer, version {recommendation.version + i}."
            services.part_update(
                instance=recommendation,
                fields=["text"],
                expected_version=recommendation.version,
                actor=None,
            )
        with CaptureQueriesContext(connection) as queries:
            changes = guide_changes(guide)
        assert any(c.fields == ["recommendation"] for c in changes)
        return len(queries)

    assert edits(2) == edits(10)
