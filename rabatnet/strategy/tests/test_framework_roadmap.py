"""Roadmap actions and predecessors: loaded from the framework files, several at once."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from rabatnet.core.loading import ReferenceDataError
from rabatnet.strategy.models import Framework, RoadmapAction
from rabatnet.strategy.services import framework_load, framework_order

pytestmark = pytest.mark.django_db

DAKAR = Path(settings.DIALOGUE_FRAMEWORK_FILE)
ROME = Path(__file__).parent / "fixtures" / "rome_programme.json"
QUOTE = (
    "it is indispensible to collect data on migration movements and to implement mechanisms "
    "for their study: these mechanisms are indeed decisive to implement the policies and "
    "measures needed for joint, mutually beneficial management of migration."
)


def _load(*paths: Path) -> str:
    out = io.StringIO()
    call_command("load_reference", *[a for p in paths for a in ("--framework", str(p))], stdout=out)
    return out.getvalue()


def test_the_dakar_roadmap_holds_the_quoted_action_only_under_objective_10():
    action = RoadmapAction.objects.get(framework__slug="dakar-strategy")
    assert action.title_en == QUOTE
    assert action.title_fr and action.title_fr.startswith("il est indispensable")
    assert action.objective is not None and action.objective.number == 10


def test_several_files_load_predecessor_first_whatever_the_order():
    _load(ROME, DAKAR)
    rome = Framework.objects.get(slug="rome-programme")
    assert rome.predecessor is not None and rome.predecessor.slug == "dakar-strategy"
    assert list(Framework.objects.get(slug="dakar-strategy").successors.all()) == [rome]
    assert rome.roadmap_actions.count() == 2
    assert rome.roadmap_actions.get(number=2).objective is None
    _load(ROME, DAKAR)  # idempotent
    assert RoadmapAction.objects.filter(framework=rome).count() == 2


def test_the_default_stays_the_configured_file():
    out = _load()
    assert "strategy framework" in out
    assert not Framework.objects.filter(slug="rome-programme").exists()


def test_an_unknown_predecessor_loads_nothing(tmp_path):
    spec = json.loads(ROME.read_text(encoding="utf-8"))
    spec["predecessor"] = "marrakesh-nowhere"
    path = tmp_path / "rome.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(CommandError, match="unknown predecessor 'marrakesh-nowhere'"):
        _load(DAKAR, path)
    assert not Framework.objects.filter(slug="rome-programme").exists()


def test_a_roadmap_action_under_an_unknown_objective_is_refused(tmp_path):
    spec = json.loads(ROME.read_text(encoding="utf-8"))
    spec["roadmap_actions"][0]["objective"] = 9
    path = tmp_path / "rome.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="roadmap action 1: unknown objective 9"):
        framework_load(path=path)
    assert not Framework.objects.filter(slug="rome-programme").exists()


def test_a_roadmap_action_left_out_of_the_file_is_removed(tmp_path):
    _load(DAKAR, ROME)
    spec = json.loads(ROME.read_text(encoding="utf-8"))
    spec["roadmap_actions"] = spec["roadmap_actions"][:1]
    path = tmp_path / "rome.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    report = framework_load(path=path)
    assert report.removed == 1
    assert list(RoadmapAction.objects.filter(framework__slug="rome-programme")) == [
        RoadmapAction.objects.get(framework__slug="rome-programme", number=1)
    ]


def test_a_cycle_of_predecessors_is_refused(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"slug": "a", "predecessor": "b"}), encoding="utf-8")
    b.write_text(json.dumps({"slug": "b", "predecessor": "a"}), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="cycle"):
        framework_order([a, b])


def test_a_framework_cannot_follow_itself(tmp_path):
    spec = json.loads(ROME.read_text(encoding="utf-8"))
    spec["predecessor"] = "rome-programme"
    path = tmp_path / "rome.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="cannot follow itself"):
        framework_load(path=path)


def test_the_api_lists_frameworks_and_roadmap_actions(client):
    _load(DAKAR, ROME)
    frameworks = client.get("/api/v1/strategy/frameworks").json()
    assert [(f["slug"], f["predecessor"]) for f in frameworks] == [
        ("dakar-strategy", None),
        ("rome-programme", "dakar-strategy"),
    ]
    actions = client.get("/api/v1/strategy/roadmap-actions").json()
    dakar = [a for a in actions if a["framework"] == "dakar-strategy"]
    assert dakar == [
        {
            "framework": "dakar-strategy",
            "number": 1,
            "objective": 10,
            "title_en": QUOTE,
            "title_fr": dakar[0]["title_fr"],
        }
    ]
    untranslated = next(
        a for a in actions if a["framework"] == "rome-programme" and a["number"] == 2
    )
    assert untranslated["title_fr"] == "Test action of no objective"  # English when no French
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/strategy/roadmap-actions" in paths
