"""Writes for the strategy framework: loading it from its reference file."""

import json
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from rabatnet.core.loading import LoadReport, ReferenceDataError, upsert

from .models import Framework, Objective, Pillar, Theme


def _remove_stale(stale: models.QuerySet, kind: str, key: str, path: Path) -> int:
    """Delete ``stale`` rows; refuse, naming them, if anything still refers to some."""
    removed, kept, referrers = 0, [], set()
    for obj in stale:
        try:
            with transaction.atomic():
                obj.delete()
        except models.ProtectedError as exc:
            kept.append(str(getattr(obj, key)))
            referrers |= {str(o._meta.verbose_name_plural) for o in exc.protected_objects}
        else:
            removed += 1
    if kept:
        raise ReferenceDataError(
            f"{path}: {kind} {', '.join(kept)} no longer in the file but still referred to "
            f"by {', '.join(sorted(referrers))}"
        )
    return removed


def _texts(value: object, field: str, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not value.get("en"):
        raise ReferenceDataError(f"{where}: '{field}' needs at least an English text")
    languages = settings.MODELTRANSLATION_LANGUAGES
    return {f"{field}_{code}": value.get(code, "") for code in languages}


@transaction.atomic
def framework_load(*, path: Path) -> LoadReport:
    """Create or update the framework described by ``path``; idempotent.

    Pillars, objectives and themes of the framework that the file no longer holds are
    removed; if something still refers to one (an appointment to a theme), nothing is
    loaded and the error names them.
    """
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        report = LoadReport()
        framework, created, changed = upsert(
            Framework,
            {"slug": spec["slug"]},
            {
                "version": spec["version"],
                "adopted_year": spec.get("adopted_year"),
                **_texts(spec["name"], "name", str(path)),
            },
        )
        report.count(created, changed)
        pillars = {}
        for item in spec["pillars"]:
            where = f"{path}: pillar {item['number']}"
            pillars[item["number"]], created, changed = upsert(
                Pillar,
                {"framework": framework, "number": item["number"]},
                _texts(item["title"], "title", where),
            )
            report.count(created, changed)
        objectives = {}
        for item in spec["objectives"]:
            where = f"{path}: objective {item['number']}"
            if item["pillar"] is not None and item["pillar"] not in pillars:
                raise ReferenceDataError(f"{where}: unknown pillar {item['pillar']}")
            objectives[item["number"]], created, changed = upsert(
                Objective,
                {"framework": framework, "number": item["number"]},
                {"pillar": pillars.get(item["pillar"]), **_texts(item["title"], "title", where)},
            )
            report.count(created, changed)
        slugs = set()
        for item in spec["themes"]:
            where = f"{path}: theme {item['slug']}"
            slugs.add(item["slug"])
            if item["objective"] is not None and item["objective"] not in objectives:
                raise ReferenceDataError(f"{where}: unknown objective {item['objective']}")
            first, last = item.get("period") or (None, None)
            _, created, changed = upsert(
                Theme,
                {"slug": item["slug"]},
                {
                    "framework": framework,
                    "objective": objectives.get(item["objective"]),
                    "cross_cutting": bool(item.get("cross_cutting")),
                    "first_year": first,
                    "last_year": last,
                    **_texts(item["title"], "title", where),
                },
            )
            report.count(created, changed)
        # Themes first: an objective or pillar removed below may be what they point to.
        report.removed += _remove_stale(
            Theme.objects.filter(framework=framework).exclude(slug__in=slugs), "theme", "slug", path
        )
        report.removed += _remove_stale(
            Objective.objects.filter(framework=framework).exclude(number__in=objectives),
            "objective",
            "number",
            path,
        )
        report.removed += _remove_stale(
            Pillar.objects.filter(framework=framework).exclude(number__in=pillars),
            "pillar",
            "number",
            path,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, ReferenceDataError):
            raise
        raise ReferenceDataError(f"{path}: not a valid framework file ({exc!r})") from exc
    return report
