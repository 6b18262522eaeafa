"""The strategy framework as loaded from data/strategy/dakar_strategy.json."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from rabatnet.core.loading import ReferenceDataError
from rabatnet.core.tests.narrowing import present
from rabatnet.strategy.models import Framework, Objective, Pillar, Theme
from rabatnet.strategy.services import framework_load

FRAMEWORK = Path(settings.DIALOGUE_FRAMEWORK_FILE)


@pytest.mark.django_db
def test_the_dakar_strategy_is_loaded_in_english_and_french():
    framework = Framework.objects.get()

    assert framework.slug == "dakar-strategy"
    assert (framework.name_en, framework.name_fr) == ("Dakar Strategy", "Stratégie de Dakar")
    assert framework.adopted_year == 2011


@pytest.mark.django_db
def test_three_pillars_with_titles_in_both_languages():
    pillars = list(Pillar.objects.order_by("number"))

    assert [p.number for p in pillars] == [1, 2, 3]
    assert pillars[0].title_en == "Organising legal migration"
    assert pillars[0].title_fr == "Organiser la migration légale"
    assert all(p.title_en and p.title_fr for p in pillars)


@pytest.mark.django_db
def test_ten_objectives_three_per_pillar_and_one_cross_cutting():
    objectives = {o.number: o for o in Objective.objects.select_related("pillar")}

    assert sorted(objectives) == list(range(1, 11))
    pillar_of = {n: o.pillar.number if o.pillar else None for n, o in objectives.items()}
    assert pillar_of == {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 3, 8: 3, 9: 3, 10: None}
    assert present(objectives[10].title_fr).startswith("Fonder la cohérence")
    assert all(o.title_en and o.title_fr for o in objectives.values())


@pytest.mark.django_db
def test_three_themes_linked_to_their_objectives():
    themes = {t.slug: t for t in Theme.objects.select_related("objective")}

    assert set(themes) == {"evidence-based-policy", "border-management", "migration-in-crisis"}
    assert {slug: present(t.objective).number for slug, t in themes.items()} == {
        "evidence-based-policy": 10,
        "border-management": 4,
        "migration-in-crisis": 5,
    }
    evidence = themes["evidence-based-policy"]
    assert evidence.cross_cutting
    assert (evidence.first_year, evidence.last_year) == (2013, 2015)
    assert evidence.title_en == "Using data for evidence-based policy making"
    assert themes["border-management"].title_fr == "Gestion des frontières au niveau opérationnel"
    assert not themes["migration-in-crisis"].cross_cutting


@pytest.mark.django_db
def test_titles_follow_the_active_language():
    theme = Theme.objects.get(slug="migration-in-crisis")

    with translation.override("fr"):
        assert theme.title == "Migration en situation de crise"
    with translation.override("en"):
        assert theme.title == "Migration in crisis situations"


@pytest.mark.django_db
def test_cross_cutting_themes_come_first():
    assert present(Theme.objects.first()).slug == "evidence-based-policy"


@pytest.mark.django_db
def test_framework_load_applies_an_edited_title(tmp_path):
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    spec["themes"][2]["title"]["fr"] = "Migrations en temps de crise"
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(spec), encoding="utf-8")

    report = framework_load(path=path)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 17)
    assert Theme.objects.get(slug="migration-in-crisis").title_fr == "Migrations en temps de crise"
    assert Theme.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not a valid framework file"),
        ("[]", "not a valid framework file"),
        ('{"slug": "x"}', "not a valid framework file"),
    ],
)
def test_framework_load_refuses_a_malformed_file(tmp_path, content, reason):
    path = tmp_path / "framework.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ReferenceDataError, match=reason) as error:
        framework_load(path=path)

    assert str(path) in str(error.value)
    assert Framework.objects.count() == 1


@pytest.mark.django_db
def test_framework_load_refuses_a_theme_with_an_unknown_objective(tmp_path):
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    spec["themes"][0]["objective"] = 42
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(spec), encoding="utf-8")

    with pytest.raises(
        ReferenceDataError, match="theme evidence-based-policy: unknown objective 42"
    ):
        framework_load(path=path)

    assert present(Theme.objects.get(slug="evidence-based-policy").objective).number == 10


def _framework_file(tmp_path: Path, spec: dict) -> Path:
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_framework_load_removes_what_the_file_dropped(tmp_path):
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    spec["themes"] = [t for t in spec["themes"] if t["slug"] != "migration-in-crisis"]
    # Pillar 3 goes, with its three objectives.
    spec["pillars"] = [p for p in spec["pillars"] if p["number"] != 3]
    spec["objectives"] = [o for o in spec["objectives"] if o["pillar"] != 3]

    report = framework_load(path=_framework_file(tmp_path, spec))

    assert set(Theme.objects.values_list("slug", flat=True)) == {
        "evidence-based-policy",
        "border-management",
    }
    assert sorted(Objective.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 10]
    assert sorted(Pillar.objects.values_list("number", flat=True)) == [1, 2]
    assert report.removed == 1 + 3 + 1


@pytest.mark.django_db
def test_framework_load_refuses_to_remove_a_theme_appointments_use(tmp_path):
    from rabatnet.network.tests.factories import thematic_contact

    thematic_contact(theme="border-management")
    spec = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    spec["themes"] = [
        t for t in spec["themes"] if t["slug"] not in ("border-management", "migration-in-crisis")
    ]
    spec["name"]["en"] = "Renamed strategy"

    with pytest.raises(ReferenceDataError) as error:
        framework_load(path=_framework_file(tmp_path, spec))

    message = str(error.value)
    assert "theme border-management no longer in the file" in message
    assert "appointments" in message
    assert "migration-in-crisis" not in message  # nothing refers to it: it alone could go
    # Nothing was loaded: all three themes and the old name stay.
    assert Theme.objects.count() == 3
    assert Framework.objects.get().name_en == "Dakar Strategy"
