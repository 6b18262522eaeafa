"""The comparison of two editions is computed from their snapshots and misses nothing."""

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.guides import services
from rabatnet.guides.compare import compare_contents
from rabatnet.guides.models import Challenge, Practice, Recommendation, WorkgroupMember
from rabatnet.guides.snapshot import guide_snapshot
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def content() -> dict[str, Any]:
    return guide_snapshot(drafted_guide())


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))]
    return [path] if path != ("schema",) else []


def _set(content: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(content)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def _changes(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for p in parts for c in p["changes"]]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_field_changed_in_a_snapshot_appears_in_the_comparison(
    content: dict[str, Any], data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(_leaves(content)), label="path")
    old_value = _get(content, path)
    value = data.draw(
        st.one_of(st.text(), st.integers(), st.booleans(), st.none()).filter(
            lambda v: v != old_value or type(v) is not type(old_value)
        ),
        label="value",
    )
    changes = _changes(compare_contents(content, _set(content, path, value)))
    assert changes, path
    field = next((str(step) for step in reversed(path) if isinstance(step, str)), "")
    if field not in {"id", "key"}:  # another identity is another record: changes enough
        named = [f["name"] for c in changes for f in c["fields"]]
        assert any(n == field or n.endswith(f".{field}") for n in named), (path, named)


def _get(content: dict[str, Any], path: tuple[Any, ...]) -> Any:
    node: Any = content
    for step in path:
        node = node[step]
    return node


def test_the_same_snapshot_compares_without_change(content: dict[str, Any]) -> None:
    assert _changes(compare_contents(content, copy.deepcopy(content))) == []


def test_what_the_old_comparison_missed_now_shows_in_the_guides_language() -> None:
    guide = drafted_guide()
    first = services.guide_submit(guide=guide, actor=None)
    services.edition_return(edition=first, comment="À revoir.", actor=None)
    Challenge.objects.create(guide=guide, title="Données dispersées", description="Partout.")
    challenge = Challenge.objects.exclude(title="Données dispersées").get(guide=guide)
    challenge.description = "Rien n'est diffusé."
    challenge.save()
    source = Source.objects.get(country=guide.country, name__startswith="Recensement")
    source.description, source.url = "Tous les dix ans.", "https://ansd.sn/rgph"
    source.save()
    Practice.objects.filter(guide=guide).update(kind="good_practice", year=2019)
    WorkgroupMember.objects.filter(guide=guide).update(is_coordinator=False)
    Recommendation.objects.filter(guide=guide).update(priority="low")
    second = services.guide_submit(guide=guide, actor=None)

    parts = {p["key"]: p for p in compare_contents(first.content, second.content)}
    part3 = parts["part3"]["changes"]
    added = [c for c in part3 if c["status"] == "added"]
    assert [(c["kind"], c["name"]) for c in added] == [("difficulté", "Données dispersées")]
    assert {f["label"]: f["new"] for f in added[0]["fields"]}["description"] == "Partout."
    changed = {
        (c["kind"], f["name"]): f for c in part3 if c["status"] == "changed" for f in c["fields"]
    }
    assert changed[("difficulté", "description")]["new"] == "Rien n'est diffusé."
    assert changed[("pratique", "kind")]["old"] != changed[("pratique", "kind")]["new"]
    assert changed[("pratique", "year")]["new"] == "2019"
    coordinator = changed[("membre du groupe de travail", "coordinator")]
    assert coordinator["label"] == "coordinateur" and coordinator["old"] != coordinator["new"]
    sources = {f["name"]: f for c in parts["part1"]["changes"] for f in c["fields"]}
    assert sources["description"]["new"] == "Tous les dix ans."
    assert sources["url"]["new"] == "https://ansd.sn/rgph"
    assert parts["part4"]["changes"][0]["fields"][0]["label"] == "priorité"
    text = str(parts)
    assert "coordinator)" not in text and "Added" not in text
