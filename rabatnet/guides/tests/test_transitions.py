"""The transition table of a guide's life, and the services that follow it under locks."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rabatnet.guides import lifecycle, services
from rabatnet.guides.models import Edition, Guide, GuideEvent, Stage
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.tests import factories as f

PREPARATION = [str(s) for s in lifecycle.PREPARATION]
AFTER = {
    **{(s, step): step for s in PREPARATION for step in PREPARATION},
    ("drafting", "submit"): "submitted",
    ("published", "submit"): "submitted",
    ("follow_up", "submit"): "submitted",
    ("submitted", "endorse"): "endorsed",
    ("submitted", "send_back"): "drafting",
    ("endorsed", "publish"): "published",
    ("published", "follow_up"): "follow_up",
}
ACTIONS = [*PREPARATION, "submit", "endorse", "send_back", "publish", "follow_up"]


def test_the_table_is_exactly_the_guides_life():
    assert {key: t.target for key, t in lifecycle.TRANSITIONS.items()} == AFTER
    assert set(lifecycle.RULES) == set(ACTIONS)


@pytest.mark.parametrize("stage", Stage.values)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_stage_and_action(stage, action):
    guide = Guide(stage=stage)
    edition_status = {"endorse": "submitted", "send_back": "submitted", "publish": "endorsed"}
    edition = Edition(number=1, status=edition_status.get(action, "submitted"))
    if (stage, action) in AFTER:
        assert lifecycle.transition(guide, action, edition).target == AFTER[(stage, action)]
    else:
        with pytest.raises(ValidationError, match="does not apply to a guide at the stage"):
            lifecycle.transition(guide, action, edition)


@pytest.mark.parametrize("action", ["endorse", "send_back", "publish"])
def test_a_decision_on_an_edition_in_another_status_is_refused(action):
    stage = "endorsed" if action == "publish" else "submitted"
    edition = Edition(number=3, status=Edition.Status.RETURNED)
    with pytest.raises(ValidationError, match="edition 3 is “sent back with comments” now"):
        lifecycle.transition(Guide(stage=stage), action, edition)


@pytest.mark.django_db
def test_open_actions_follow_the_stage_and_the_person():
    guide = drafted_guide()
    editor, authority, secretariat = (
        f.focal_point("SEN"),
        f.coordinating_authority("SEN"),
        f.secretariat(),
    )
    assert lifecycle.open_actions(editor, guide) == [*PREPARATION, "submit"]
    assert lifecycle.open_actions(authority, guide) == []
    assert lifecycle.open_actions(f.focal_point("MLI"), guide) == []
    services.guide_submit(guide=guide, actor=editor)
    assert lifecycle.open_actions(editor, guide) == []
    assert lifecycle.open_actions(authority, guide) == ["endorse", "send_back"]
    assert lifecycle.open_actions(secretariat, guide) == ["endorse", "send_back"]


@pytest.mark.django_db
def test_a_stale_page_cannot_publish_twice_or_endorse_a_returned_edition(client):
    guide = drafted_guide()
    edition = services.guide_submit(guide=guide, actor=None)
    stale = Edition.objects.get(pk=edition.pk)  # read before the decision, as a view would
    services.edition_return(edition=edition, actor=None, comment="Compléter.")
    with pytest.raises(ValidationError, match="does not apply"):
        services.edition_endorse(edition=stale, actor=None)
    assert GuideEvent.objects.filter(guide=guide, stage="endorsed").count() == 0


@pytest.mark.django_db
def test_the_workspace_offers_only_the_open_actions(client):
    guide = drafted_guide()
    url = reverse("guides:workspace", kwargs={"iso3": "SEN"}) + "?lang=fr"
    client.force_login(f.coordinating_authority("SEN"))
    page = client.get(url).content.decode()
    assert 'value="submit"' not in page and 'name="step"' not in page
    client.force_login(f.focal_point("SEN"))
    page = client.get(url).content.decode()
    assert 'value="submit"' in page and 'name="step"' in page
    services.guide_submit(guide=guide, actor=None)
    page = client.get(url).content.decode()
    assert 'value="submit"' not in page and "decision/" not in page
    client.force_login(f.coordinating_authority("SEN"))
    assert "decision/" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_step_the_person_may_not_take_is_refused_with_403(client):
    drafted_guide()
    client.force_login(f.coordinating_authority("SEN"))
    url = reverse("guides:step", kwargs={"iso3": "SEN"})
    assert client.post(url, {"lang": "fr", "step": "submit"}).status_code == 403
    assert client.post(url, {"lang": "fr", "step": "nonsense"}).status_code == 403
