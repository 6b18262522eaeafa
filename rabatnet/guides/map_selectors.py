"""The guides as the i-Map shows them: each country's guide stage, its published edition and
the number of information sources that edition maps.

The count is read from the published edition's frozen snapshot (``snapshot._part_one``), never
from the live records: a source added or removed after publication changes nothing here until
a new edition is published. Two queries, whatever the number of countries.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .models import Edition, Guide, Stage


@dataclass(frozen=True)
class GuideOnMap:
    iso3: str
    language: str
    stage: str  # a ``Stage`` value
    stage_label: str
    url: str = ""  # the public guide page, when an edition is published
    edition_number: int | None = None
    published_at: datetime | None = None
    sources: int | None = None  # information sources mapped in the published edition


def sources_mapped(content: dict[str, Any]) -> int:
    """Distinct information sources in a snapshot's part one (every group and entity)."""
    ids = {
        source.get("id") or source.get("name")
        for group in content.get("part1", {}).get("groups", [])
        for entity in group.get("entities", [])
        for source in entity.get("sources", [])
    }
    return len(ids)


def _rank(guide: Guide, published: Edition | None, language: str) -> tuple:
    """Which of a country's guides the map shows: a published one first, then the most
    advanced stage, then the one in the reader's language, then the oldest."""
    return (
        published is not None,
        Stage.position(guide.stage),
        guide.language == language,
        -guide.pk,
    )


def guides_on_map(language: str) -> dict[str, GuideOnMap]:
    """ISO3 -> the guide the map shows for that country (see ``_rank``)."""
    guides = list(Guide.objects.select_related("country").order_by("pk"))
    latest: dict[int, Edition] = {}
    for published in Edition.objects.filter(status=Edition.Status.PUBLISHED).order_by("number"):
        latest[published.guide_id] = published  # the highest number wins
    chosen: dict[str, Guide] = {}
    for guide in guides:
        iso3 = guide.country.iso3
        if iso3 not in chosen or _rank(guide, latest.get(guide.pk), language) > _rank(
            chosen[iso3], latest.get(chosen[iso3].pk), language
        ):
            chosen[iso3] = guide
    found = {}
    for iso3, guide in chosen.items():
        edition = latest.get(guide.pk)
        found[iso3] = GuideOnMap(
            iso3=iso3,
            language=guide.language,
            stage=guide.stage,
            stage_label=guide.get_stage_display(),
            url=guide.get_absolute_url() if edition else "",
            edition_number=edition.number if edition else None,
            published_at=edition.published_at if edition else None,
            sources=sources_mapped(edition.content) if edition else None,
        )
    return found
