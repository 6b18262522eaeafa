"""Writes for the strategy framework: loading it from its reference file."""

import json
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from rabatnet.core.loading import LoadReport, ReferenceDataError, upsert

from .models import Framework, Objective, Pillar, RoadmapAction, Theme


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

    Pillars, objectives, themes and roadmap actions of the framework that the file no
    longer holds are removed; if something still refers to one (an appointment to a theme),
    nothing is loaded and the error names them. ``predecessor`` (optional) is the slug of
    a framework already loaded (or loaded before this one by ``frameworks_load``).
    """
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        report = LoadReport()
        predecessor = _predecessor(spec, path)
        framework, created, changed = upsert(
            Framework,
            {"slug": spec["slug"]},
            {
                "version": spec["version"],
                "adopted_year": spec.get("adopted_year"),
                "predecessor": predecessor,
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
        numbers = set()
        for item in spec.get("roadmap_actions", []):
            where = f"{path}: roadmap action {item['number']}"
            numbers.add(item["number"])
            if item["objective"] is not None and item["objective"] not in objectives:
                raise ReferenceDataError(f"{where}: unknown objective {item['objective']}")
            _, created, changed = upsert(
                RoadmapAction,
                {"framework": framework, "number": item["number"]},
                {
                    "objective": objectives.get(item["objective"]),
                    **_texts(item["title"], "title", where),
                },
            )
            report.count(created, changed)
        # Themes and roadmap actions first: an objective or pillar removed below may be
        # what they point to.
        report.removed += _remove_stale(
            RoadmapAction.objects.filter(framework=framework).exclude(number__in=numbers),
            "roadmap action",
            "number",
            path,
        )
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
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, ReferenceDataError):
            raise
        raise ReferenceDataError(f"{path}: not a valid framework file ({exc!r})") from exc
    return report


def _predecessor(spec: dict, path: Path) -> Framework | None:
    """The framework named by the file's ``predecessor``; unknown → the load stops."""
    slug = spec.get("predecessor")
    if slug is None:
        return None
    if slug == spec["slug"]:
        raise ReferenceDataError(f"{path}: a framework cannot follow itself ({slug!r})")
    found = Framework.objects.filter(slug=slug).first()
    if found is None:
        raise ReferenceDataError(
            f"{path}: unknown predecessor {slug!r} (load its file first, or name it in the "
            "same command)"
        )
    return found


def framework_order(paths: list[Path]) -> list[Path]:
    """``paths`` ordered so that a framework's predecessor, if among them, loads first.

    A file that cannot be read keeps its place: ``framework_load`` reports it. A cycle
    (two files naming each other) is refused.
    """
    slugs: dict[Path, tuple[str | None, str | None]] = {}
    for path in paths:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
            slugs[path] = (spec.get("slug"), spec.get("predecessor"))
        except (OSError, ValueError, AttributeError):
            slugs[path] = (None, None)
    by_slug = {slug: path for path, (slug, _) in slugs.items() if slug}
    ordered: list[Path] = []
    visiting: set[Path] = set()

    def visit(path: Path) -> None:
        if path in ordered:
            return
        if path in visiting:
            raise ReferenceDataError(f"{path}: its predecessors form a cycle")
        visiting.add(path)
        before = by_slug.get(slugs[path][1] or "")
        if before is not None and before != path:
            visit(before)
        visiting.discard(path)
        ordered.append(path)

    for path in paths:
        visit(path)
    return ordered


@transaction.atomic
def frameworks_load(*, paths: list[Path]) -> LoadReport:
    """Load each framework file, predecessors first; one report for them all."""
    total = LoadReport()
    for path in framework_order(paths):
        report = framework_load(path=path)
        total.created += report.created
        total.updated += report.updated
        total.unchanged += report.unchanged
        total.removed += report.removed
    return total
