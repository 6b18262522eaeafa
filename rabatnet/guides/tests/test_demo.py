"""The demo guides (``load_demo_guides``): full-size, marked as examples, safe to load twice."""

import io

import pytest
from django.core.management import call_command

from rabatnet.core.tests.narrowing import present
from rabatnet.guides.demo import DEMO_DIR, DEMO_FILES, read_file
from rabatnet.guides.models import (
    ActorRole,
    Challenge,
    CorrectiveAction,
    Edition,
    Guide,
    GuideEvent,
    Practice,
    Recommendation,
    Stage,
    WorkgroupMember,
)
from rabatnet.network.models import Organisation, Person
from rabatnet.sources.models import Area, Source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_data_on(settings):
    """The loaders run only where the demo setting is on (``make setup``, ``make run``)."""
    settings.DEMO_DATA = True


RECORDS = [
    Organisation,
    Person,
    Source,
    Guide,
    GuideEvent,
    Edition,
    ActorRole,
    WorkgroupMember,
    Practice,
    Challenge,
    CorrectiveAction,
    Recommendation,
]


def _load() -> str:
    out = io.StringIO()
    call_command("load_demo_guides", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    counts = {model.__name__: model._default_manager.count() for model in RECORDS}
    for model in RECORDS:
        if hasattr(model, "history"):
            counts[f"{model.__name__} history"] = model.history.count()
    counts["source areas"] = Source.areas.through.objects.count()
    return counts


def _guide(iso3: str) -> Guide:
    return Guide.objects.get(country__iso3=iso3)


def _sizes(content: dict) -> dict[str, int]:
    part3 = content["part3"]
    return {
        "sources": sum(
            len(entity["sources"])
            for group in content["part1"]["groups"]
            for entity in group["entities"]
        ),
        "actor_stage_entries": sum(len(actor["roles"]) for actor in content["part2"]["actors"]),
        "practices": len(part3["practices"]),
        "challenges": len(part3["challenges"]),
        "recommendations": sum(len(c["items"]) for c in content["part4"]["categories"]),
    }


def test_loading_twice_changes_nothing():
    first = _load()
    counts = _counts()
    second = _load()
    assert _counts() == counts
    assert "SEN (fr) loaded" in first and "GHA (en) loaded" in first
    assert "already there, unchanged" in second and "loaded —" not in second
    assert Guide.objects.filter(country__iso3__in=["SEN", "GHA"]).count() == 2


def test_senegal_is_published_full_size_and_in_french():
    _load()
    guide = _guide("SEN")
    assert (guide.language, guide.stage) == ("fr", Stage.PUBLISHED)
    edition = guide.editions.get()
    assert edition.status == Edition.Status.PUBLISHED
    assert edition.verify()
    sizes = _sizes(edition.content)
    assert sizes["sources"] >= 40
    assert sizes["actor_stage_entries"] >= 30
    assert sizes["practices"] >= 15
    assert sizes["challenges"] >= 20
    assert sizes["recommendations"] >= 25
    assert all(challenge["actions"] for challenge in edition.content["part3"]["challenges"])
    assert {g["key"] for g in edition.content["part1"]["groups"] if g["entities"]} == {
        "governmental",
        "others",
    }
    assert len(edition.content["part4"]["categories"]) == len(Recommendation.Category.values)
    assert "Guide de l'utilisateur" in edition.content["title"]
    assert edition.content["annex"], "the contact-list annex names the people who agreed"
    steps = list(guide.events.order_by("at").values_list("stage", flat=True))
    assert steps == [
        Stage.EXPRESSION_OF_INTEREST,
        Stage.STAKEHOLDERS,
        Stage.QUESTIONNAIRES,
        Stage.WORKSHOP,
        Stage.DRAFTING,
        Stage.SUBMITTED,
        Stage.ENDORSED,
        Stage.PUBLISHED,
    ]


def test_ghana_is_submitted_full_size_and_in_english():
    _load()
    guide = _guide("GHA")
    assert (guide.language, guide.stage) == ("en", Stage.SUBMITTED)
    latest = present(guide.editions.order_by("-number").first())
    assert latest.status == Edition.Status.SUBMITTED
    sizes = _sizes(latest.content)
    assert min(sizes.values()) >= 15
    assert sizes["sources"] >= 40 and sizes["actor_stage_entries"] >= 30
    assert sizes["challenges"] >= 20 and sizes["recommendations"] >= 25


@pytest.mark.parametrize("iso3", ["SEN", "GHA"])
def test_each_guide_is_spread_over_every_choice(iso3):
    _load()
    guide = _guide(iso3)
    sources = Source.objects.filter(country=guide.country)
    assert set(sources.values_list("kind", flat=True)) == set(Source.Kind.values)
    assert set(sources.values_list("status", flat=True)) == set(Source.Status.values)
    assert set(sources.values_list("periodicity", flat=True)) == set(Source.Periodicity.values)
    assert set(sources.values_list("access", flat=True)) == set(Source.Access.values)
    assert set(Area.objects.filter(sources__in=sources).values_list("slug", flat=True)) >= {
        "trends",
        "border-management",
        "migration-in-crisis",
        "migration-and-development",
    }
    assert sources.exclude(contact=None).count() >= sources.count() // 3
    roles = ActorRole.objects.filter(guide=guide)
    assert set(roles.values_list("stage", flat=True)) == {
        "identification_of_needs",
        "processing",
        "decision",
        "implementation",
        "follow_up",
        "reformulation",
    }
    assert set(Practice.objects.filter(guide=guide).values_list("kind", flat=True)) == set(
        Practice.Kind.values
    )
    challenges = Challenge.objects.filter(guide=guide)
    assert challenges.filter(challenge_type=None).exists(), "the country's own challenges"
    assert challenges.exclude(challenge_type=None).values("challenge_type").distinct().count() == 5
    actions = CorrectiveAction.objects.filter(challenge__guide=guide)
    assert not actions.filter(due_date=None).exists()
    assert set(Recommendation.objects.filter(guide=guide).values_list("category", flat=True)) == (
        set(Recommendation.Category.values)
    )
    members = WorkgroupMember.objects.filter(guide=guide)
    assert 8 <= members.count() <= 12
    assert members.filter(is_coordinator=True).count() == 1
    assert guide.profile_contents.exists()
    assert guide.context.count("\n\n") >= 2


def test_everything_is_marked_as_example_content():
    _load()
    for iso3 in ("SEN", "GHA"):
        guide = _guide(iso3)
        assert guide.is_example
        assert all(edition.content["is_example"] for edition in guide.editions.all())
        assert not Source.objects.filter(country=guide.country, is_example=False).exists()


def test_demo_people_are_fictional_addresses():
    for name in DEMO_FILES:
        people = read_file(DEMO_DIR / name)["people"].values()
        assert people
        assert all(person["email"].endswith("@example.org") for person in people)
        assert sum(person["guide_consent"] for person in people) > len(people) // 2


def test_demo_accounts_sign_the_steps_when_they_exist():
    call_command("load_demo", stdout=io.StringIO())
    _load()
    edition = _guide("SEN").editions.get()
    assert present(edition.submitted_by).email == "focal.sen@demo.rabatnet.org"
    assert present(edition.decided_by).email == "authority.sen@demo.rabatnet.org"
    assert present(edition.published_by).email == "secretariat@demo.rabatnet.org"
    ghana = _guide("GHA").editions.get()
    assert present(ghana.submitted_by).email == "workgroup.gha@demo.rabatnet.org"
    assert ghana.decided_by is None
