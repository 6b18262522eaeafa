"""The meetings of the seed as reference data (``data/meetings/seed_meetings.json``).

``meetings_load`` creates or updates each meeting by its slug, with its co-chairs, theme,
objectives and agenda (sessions and items); idempotent: a second run changes nothing. A
record that is not what it should be stops the load with an error naming the file and the
record; the caller runs it in one transaction, so nothing is written then.
"""

import calendar
import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from rabatnet.core.loading import LoadReport, ReferenceDataError, upsert
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Objective, Theme

from .models import AgendaItem, Meeting, MeetingKind, Session

LANGUAGES = ("en", "fr")


def default_path() -> Path:
    return Path(settings.DATA_DIR) / "meetings" / "seed_meetings.json"


def _texts(value: Any, field: str, where: str, required: bool = True) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ReferenceDataError(f"{where}: {field} must give the text in each language")
    texts = {f"{field}_{lang}": str(value.get(lang) or "") for lang in LANGUAGES}
    if required and not texts[f"{field}_en"]:
        raise ReferenceDataError(f"{where}: {field} has no English text")
    return texts


def _day(value: str, end: bool, where: str) -> tuple[date, str]:
    """The first (or, for ``end``, last) day ``value`` names, and its precision."""
    try:
        if len(value) == 7:
            year, month = (int(p) for p in value.split("-"))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1), Meeting.DatePrecision.MONTH
        return date.fromisoformat(value), Meeting.DatePrecision.DAY
    except (ValueError, TypeError) as exc:
        raise ReferenceDataError(f"{where}: {value!r} is no date (YYYY-MM-DD or YYYY-MM)") from exc


def _bounds(record: dict, where: str) -> dict[str, Any]:
    try:
        zone = ZoneInfo(str(record.get("timezone") or "UTC"))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ReferenceDataError(f"{where}: unknown time zone {record.get('timezone')!r}") from exc
    first, precision = _day(str(record.get("starts", "")), False, where)
    last, _end_precision = _day(str(record.get("ends", "")), True, where)
    if last < first:
        raise ReferenceDataError(f"{where}: ends before it starts")
    if precision != record.get("date_precision", precision):
        raise ReferenceDataError(f"{where}: date_precision does not match the dates given")
    # A day without hours: from its first instant to its last, in the venue's zone.
    starts = datetime.combine(first, time.min, tzinfo=zone)
    ends = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone) - timedelta(minutes=1)
    return {
        "starts_at": starts,
        "ends_at": ends,
        "timezone": zone.key,
        "date_precision": precision,
    }


def _country(iso3: object, where: str) -> Country:
    country = Country.objects.filter(iso3=str(iso3)).first()
    if country is None:
        raise ReferenceDataError(f"{where}: unknown country {iso3!r} (run load_reference first)")
    return country


def _choice(value: object, choices: list[str], field: str, where: str) -> str:
    if value not in choices:
        raise ReferenceDataError(f"{where}: {field} {value!r} is not one of {', '.join(choices)}")
    return str(value)


def _meeting_values(record: dict, where: str) -> dict[str, Any]:
    host = record.get("host_country")
    theme_slug = record.get("theme")
    theme = None
    if theme_slug:
        theme = Theme.objects.filter(slug=theme_slug).first()
        if theme is None:
            raise ReferenceDataError(f"{where}: unknown theme {theme_slug!r}")
    return {
        "kind": _choice(record.get("kind"), list(MeetingKind.values), "kind", where),
        "status": _choice(record.get("status"), list(Meeting.Status.values), "status", where),
        "published": bool(record.get("published", False)),
        **_bounds(record, where),
        **_texts(record.get("title"), "title", where),
        **_texts(record.get("summary", {}), "summary", where, required=False),
        **_texts(record.get("venue", {}), "venue", where, required=False),
        **_texts(record.get("city", {}), "city", where, required=False),
        "host_country": _country(host, where) if host else None,
        "theme": theme,
    }


def _set_many(meeting: Meeting, name: str, wanted: list[Any], key: Callable[[Any], object]) -> bool:
    manager = getattr(meeting, name)
    if {key(o) for o in manager.all()} == {key(o) for o in wanted}:
        return False
    manager.set(wanted)
    return True


def _agenda(meeting: Meeting, sessions: list[dict], where: str) -> bool:
    """Sessions and items as the file gives them; those it no longer gives go."""
    changed = False
    numbers = []
    for spec in sessions:
        number = spec.get("number")
        at = f"{where}, session {number}"
        if not isinstance(number, int) or number < 1:
            raise ReferenceDataError(f"{at}: number must be a positive whole number")
        numbers.append(number)
        session, created, updated = upsert(
            Session, {"meeting": meeting, "number": number}, _texts(spec.get("title"), "title", at)
        )
        changed |= created or updated
        item_numbers = []
        for item in spec.get("items", []):
            item_number = item.get("number")
            if not isinstance(item_number, int) or item_number < 1:
                raise ReferenceDataError(f"{at}, item {item_number}: number must be positive")
            item_numbers.append(item_number)
            _obj, created, updated = upsert(
                AgendaItem,
                {"session": session, "number": item_number},
                _texts(item.get("title"), "title", f"{at}, item {item_number}"),
            )
            changed |= created or updated
        gone, _by_model = session.items.exclude(number__in=item_numbers).delete()
        changed |= bool(gone)
    gone, _by_model = meeting.sessions.exclude(number__in=numbers).delete()
    return changed or bool(gone)


def meetings_load(*, path: Path, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Create or update the meetings of ``path`` (see the module's docstring)."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"{path}: cannot be read as JSON ({exc})") from exc
    records = spec.get("meetings") if isinstance(spec, dict) else None
    if not isinstance(records, list):
        raise ReferenceDataError(f"{path}: no list of meetings under 'meetings'")
    framework = spec.get("framework", "dakar-strategy")
    report = LoadReport()
    for index, record in enumerate(records, start=1):
        slug = record.get("slug") if isinstance(record, dict) else None
        where = f"{path}: meeting {index} ({slug or 'no slug'})"
        if not slug or not isinstance(slug, str):
            raise ReferenceDataError(f"{where}: no slug")
        values = _meeting_values(record, where)
        meeting, created, changed = upsert(Meeting, {"slug": slug}, values)
        co_chairs = [_country(code, where) for code in record.get("co_chairs", [])]
        numbers = record.get("objectives", [])
        objectives = list(Objective.objects.filter(framework__slug=framework, number__in=numbers))
        if len(objectives) != len(set(numbers)):
            raise ReferenceDataError(f"{where}: unknown objective among {numbers}")
        changed |= _set_many(meeting, "co_chairs", co_chairs, lambda c: c.pk)
        changed |= _set_many(meeting, "objectives", objectives, lambda o: o.pk)
        changed |= _agenda(meeting, record.get("sessions", []), where)
        report.count(created, changed and not created)
        if progress is not None:
            progress(f"{index}/{len(records)} {slug}")
    return report
