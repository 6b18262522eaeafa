"""Downloads are built once per data revision and served from storage; a large one is built by
the background worker while the request answers "being prepared"."""

import os
import time

import pytest
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from rabatnet.core import revisions
from rabatnet.statistics import download_files, tasks
from rabatnet.statistics.models import Observation
from rabatnet.statistics.views.downloads import RETRY_AFTER

from .download_support import sample

URL = "/en/data/download/"
XLSX = {"indicator": "test_detections", "format": "xlsx"}
CSV = {"indicator": "test_detections", "partner": ["none", "all"]}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    """The formats of the files built, in order."""
    built: list[str] = []
    write = download_files._write

    def counted(query, site_root, target):
        built.append(query.format)
        write(query, site_root, target)

    monkeypatch.setattr(download_files, "_write", counted)
    return built


def content(response) -> bytes:
    assert response.status_code == 200, response.status_code
    data = b"".join(response.streaming_content)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("params", [XLSX, CSV, {**CSV, "format": "sdmx-csv"}])
def test_the_second_request_is_served_from_storage(client, builds, params):
    sample()

    first = content(client.get(URL, params))
    second = content(client.get(URL, params))

    assert second == first
    assert len(builds) == 1


@pytest.mark.django_db
def test_the_same_query_written_otherwise_is_the_same_file(client, builds):
    sample()

    content(client.get(URL, {**CSV, "country": ["route-test"]}))
    content(client.get(URL, {"partner": ["all", "none", "all"], **CSV, "country": "route-test"}))

    assert len(builds) == 1


@pytest.mark.django_db
def test_each_language_and_format_has_its_file(client, builds):
    sample()

    content(client.get(URL, XLSX))
    content(client.get("/fr/data/download/", XLSX))
    content(client.get(URL, {**XLSX, "format": "csv"}))

    assert builds == ["xlsx", "xlsx", "csv"]


@pytest.mark.django_db
def test_an_import_changes_the_file(client, builds, media_root):
    sample()
    before = content(client.get(URL, CSV)).decode()
    Observation.objects.filter(value_text="100").update(value_text="101")

    unchanged = content(client.get(URL, CSV)).decode()
    revisions.bump(revisions.STATISTICS)  # what every import does
    after = content(client.get(URL, CSV)).decode()

    assert unchanged == before
    assert ",101," in after and ",101," not in before
    assert len(builds) == 2
    # The files of the older revision are gone.
    assert [p.name for p in (media_root / "downloads").iterdir()] == [
        revisions.token(revisions.STATISTICS)
    ]


@pytest.mark.django_db
def test_a_large_download_is_built_by_the_worker_while_the_page_asks_again(
    client, builds, monkeypatch, settings
):
    sample()
    monkeypatch.setitem(download_files.INLINE_ROWS, "xlsx", 1)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    queued = backend.results  # enqueued, not run

    pending = client.get(URL, XLSX)
    again = client.get(URL, XLSX)

    assert pending.status_code == again.status_code == 202
    assert pending["Retry-After"] == str(RETRY_AFTER)
    assert "no-store" in pending["Cache-Control"]
    page = pending.content.decode()
    assert f'<meta http-equiv="refresh" content="{RETRY_AFTER}">' in page
    assert "The download is being prepared" in page
    assert len(queued) == 1  # the second request found the build under way
    assert builds == []

    tasks.build_download.call(**queued[0].kwargs)  # what the worker does
    served = client.get(URL, XLSX)

    assert content(served)[:2] == b"PK"
    assert served["Content-Disposition"] == 'attachment; filename="rabatnet-test_detections.xlsx"'
    assert builds == ["xlsx"]


@pytest.mark.django_db
def test_with_the_inline_task_backend_a_large_download_comes_at_once(client, builds, monkeypatch):
    sample()
    monkeypatch.setitem(download_files.INLINE_ROWS, "xlsx", 1)

    assert content(client.get(URL, XLSX))[:2] == b"PK"
    assert content(client.get(URL, XLSX))[:2] == b"PK"
    assert builds == ["xlsx"]


@pytest.mark.django_db
def test_a_lock_left_by_a_build_that_died_expires(client, builds, media_root):
    sample()
    response = client.get(URL, CSV)
    content(response)
    path = next((media_root / "downloads").glob("*/*.csv"))
    path.unlink()
    lock = path.with_name(f"{path.name}.lock")
    lock.touch()

    assert client.get(URL, CSV).status_code == 202  # a build holds the lock
    old = time.time() - download_files.LOCK_EXPIRES - 1
    os.utime(lock, (old, old))
    assert content(client.get(URL, CSV))
    assert not lock.exists()
    assert len(builds) == 2


@pytest.mark.django_db
def test_at_most_keep_files_are_kept_the_last_served_first(client, builds, monkeypatch):
    sample()
    monkeypatch.setattr(download_files, "KEEP", 2)

    for year in (2024, 2025, 2026):
        content(client.get(URL, {**CSV, "from": year}))
        time.sleep(0.01)

    folder = download_files.root() / revisions.token(revisions.STATISTICS)
    assert len(list(folder.glob("*.csv"))) == 2
    content(client.get(URL, {**CSV, "from": 2026}))
    content(client.get(URL, {**CSV, "from": 2024}))
    assert builds == ["csv", "csv", "csv", "csv"]  # 2024 was the one removed


@pytest.mark.django_db
def test_a_build_that_could_not_be_queued_leaves_no_lock(client, monkeypatch, media_root):
    sample()
    monkeypatch.setitem(download_files.INLINE_ROWS, "csv", 1)

    class Unreachable:
        def enqueue(self, **kwargs: object) -> None:
            raise ConnectionError("the task queue is down")

    monkeypatch.setattr(tasks, "build_download", Unreachable())

    with pytest.raises(ConnectionError):
        client.get(URL, CSV)
    assert not list((media_root / "downloads").glob("*/*.lock"))
