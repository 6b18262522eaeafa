"""Unit tests for every guide rule: each kind of person against a guide of Senegal."""

import pytest

from rabatnet.core.tests.rule_matrix import EDITORS_OF_SENEGAL, MEMBERS_OF_SENEGAL, PEOPLE
from rabatnet.countries.models import Country
from rabatnet.guides import permissions as p
from rabatnet.guides import services
from rabatnet.guides.models import Edition, Guide, Stage

pytestmark = pytest.mark.django_db

EXPECTED = {
    "view": MEMBERS_OF_SENEGAL,
    "edit": EDITORS_OF_SENEGAL,
    "endorse": {"coordinating authority", "secretariat"},
    "publish": {"secretariat"},
    "start": EDITORS_OF_SENEGAL,
    "timeline": {"secretariat"},
}


@pytest.fixture
def guide() -> Guide:
    guide = services.guide_start(country=Country.objects.get(iso3="SEN"), language="fr", actor=None)
    services.guide_advance(guide=guide, stage=Stage.DRAFTING, actor=None)
    return guide


def _answers(guide: Guide, person: str) -> dict[str, bool]:
    user = PEOPLE[person]()
    return {
        "view": p.can_view_guide(user, guide),
        "edit": p.can_edit_guide(user, guide),
        "endorse": p.can_endorse_guide(user, guide),
        "publish": p.can_publish_guide(user, guide),
        "start": p.can_start_guide(user, guide.country),
        "timeline": p.can_view_timeline(user),
    }


@pytest.mark.parametrize("person", PEOPLE)
def test_guide_rules(guide, person):
    expected = {rule: person in allowed for rule, allowed in EXPECTED.items()}
    assert _answers(guide, person) == expected


@pytest.mark.parametrize("person", PEOPLE)
def test_anybody_reads_the_public_page_of_a_guide(guide, person):
    assert p.can_read_guide(PEOPLE[person](), guide)


@pytest.mark.parametrize("person", PEOPLE)
def test_an_edition_is_public_once_published_only(guide, person):
    edition = services.guide_submit(guide=guide, actor=None)
    user = PEOPLE[person]()
    assert p.can_view_edition(user, edition) == (person in MEMBERS_OF_SENEGAL)
    services.edition_endorse(edition=edition, actor=None)
    assert p.can_view_edition(user, edition) == (person in MEMBERS_OF_SENEGAL)
    services.edition_publish(edition=edition, actor=None)
    assert edition.status == Edition.Status.PUBLISHED
    assert p.can_view_edition(user, edition)


def test_superuser_passes_every_rule_unless_inactive(guide, django_user_model):
    admin = django_user_model.objects.create_superuser(email="root@example.org", password="x")
    assert all(_answers_for(admin, guide).values())
    admin.is_active = False
    assert not any(_answers_for(admin, guide).values())


def _answers_for(user, guide: Guide) -> dict[str, bool]:
    return {
        "view": p.can_view_guide(user, guide),
        "edit": p.can_edit_guide(user, guide),
        "endorse": p.can_endorse_guide(user, guide),
        "publish": p.can_publish_guide(user, guide),
        "start": p.can_start_guide(user, guide.country),
    }
