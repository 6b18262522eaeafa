"""The seed's meetings load as reference data: idempotent, co-chairs as the seed names them,
month-only dates kept as months, errors naming the file and the record."""

import io
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from rabatnet.core.loading import ReferenceDataError
from rabatnet.meetings.loading import default_path, meetings_load
from rabatnet.meetings.models import Meeting

pytestmark = pytest.mark.django_db

DAKAR = "2013-09-dakar-thematic-meeting"


def test_the_seed_meetings_load_with_what_the_seed_says(seed_meetings):
    assert len(seed_meetings) == 7
    dakar = seed_meetings[DAKAR]
    assert dakar.title_en == (
        "Strengthening evidence-based policy making in the field of migration"
    )
    assert dakar.title_fr
    assert [c.iso3 for c in dakar.co_chairs.all()] == ["BEL"]
    assert dakar.host_country.iso3 == "SEN"
    assert dakar.theme.slug == "evidence-based-policy"
    assert [o.number for o in dakar.objectives.all()] == [10]
    assert dakar.starts_at == datetime(2013, 9, 11, tzinfo=ZoneInfo("Africa/Dakar"))
    assert dakar.date_precision == "day" and dakar.status == "scheduled"
    assert dakar.venue_en == ""  # the seed names no venue
    assert [s.number for s in dakar.sessions.all()] == [1, 2, 3, 4]
    assert dakar.sessions.get(number=2).items.count() == 2
    madrid = seed_meetings["2013-11-madrid-thematic-meeting"]
    assert [c.iso3 for c in madrid.co_chairs.all()] == ["BFA"]
    assert madrid.date_precision == "month" and madrid.status == "tentative"
    france = seed_meetings["2014-03-france-thematic-meeting"]
    assert france.co_chairs.count() == 0  # co-presidency to be decided
    assert france.host_country.iso3 == "FRA"
    assert all(m.published for m in seed_meetings.values())
    kinds = sorted(m.kind for m in seed_meetings.values())
    assert kinds.count("steering_committee") == 3
    assert kinds.count("senior_officials") == 1


def test_loading_twice_changes_nothing(seed_meetings):
    versions = dict(Meeting.objects.values_list("slug", "version"))
    out = io.StringIO()
    call_command("load_meetings", stdout=out)
    assert "0 created, 0 updated, 7 unchanged" in out.getvalue()
    assert dict(Meeting.objects.values_list("slug", "version")) == versions


def _write(tmp_path: Path, change) -> Path:
    spec = json.loads(default_path().read_text(encoding="utf-8"))
    change(spec["meetings"])
    path = tmp_path / "meetings.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ms: ms[1].update(co_chairs=["XXX"]), "unknown country 'XXX'"),
        (lambda ms: ms[1].update(timezone="Mars/Olympus"), "unknown time zone"),
        (lambda ms: ms[1].update(starts="2013-13"), "is no date"),
        (lambda ms: ms[1].update(kind="party"), "kind 'party'"),
        (lambda ms: ms[1].update(theme="nope"), "unknown theme"),
        (lambda ms: ms[1].update(objectives=[99]), "unknown objective"),
        (lambda ms: ms[1].update(ends="2013-10"), "ends before it starts"),
    ],
)
def test_a_bad_record_is_named_and_nothing_is_loaded(tmp_path, change, message):
    path = _write(tmp_path, change)
    with pytest.raises(CommandError) as info:
        call_command("load_meetings", file=path, stdout=io.StringIO())
    text = str(info.value)
    assert message in text
    assert "meeting 2 (2013-11-madrid-thematic-meeting)" in text
    assert str(path) in text
    assert Meeting.objects.count() == 0


def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="cannot be read as JSON"):
        meetings_load(path=path)


def test_a_changed_record_is_updated_and_a_dropped_session_removed(seed_meetings, tmp_path):
    def change(ms):
        ms[0]["title"]["fr"] = "Titre revu"
        ms[0]["sessions"] = ms[0]["sessions"][:2]

    report = meetings_load(path=_write(tmp_path, change))
    assert (report.created, report.updated) == (0, 1)
    dakar = Meeting.objects.get(slug=DAKAR)
    assert dakar.title_fr == "Titre revu"
    assert dakar.sessions.count() == 2


def test_progress_is_reported_when_verbose():
    out = io.StringIO()
    call_command("load_meetings", stdout=out, verbosity=2)
    assert "7/7 2014-mid-steering-committee" in out.getvalue()
