"""Downloads built once per data revision, kept as files and served from storage.

A file is keyed by the statistics revision (``core.revisions``: every import raises it), the
query, the language and the site's address (the XLSX "About" sheet links to dataset pages):
``MEDIA_ROOT/downloads/<revision>/<key>.<extension>``. A small download is built in the request
(a fraction of a second); a larger one by the background worker while the request answers
"being prepared", so that no web worker is held for seconds. A lock file lets one build of a
file run at a time; each build removes the files of older revisions and keeps the ``KEEP``
files served last.
"""

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.utils import translation

from rabatnet.core import revisions

from . import downloads, selectors
from .downloads import DownloadQuery

# Rows a request builds itself, about 0.2 s on an idle core (openpyxl writes some 8,000 rows a
# second, the CSV writer over 50,000); a larger file is built by the worker.
INLINE_ROWS = {"xlsx": 1500, "csv": 10000, "sdmx-csv": 10000}
KEEP = 200  # files kept for the current revision, the last served first
LOCK_EXPIRES = 30 * 60  # seconds: a lock older than this was left by a build that died


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "downloads"


@dataclass(frozen=True)
class Build:
    """What a download file is made from: the query (``DownloadQuery.params``), the language
    of its names and headings, the site's address for the links of the "About" sheet."""

    params: dict
    language: str
    site_root: str

    def key(self) -> str:
        text = json.dumps([self.params, self.language, self.site_root], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:40]

    def path(self, revision: str) -> Path:
        extension = "xlsx" if self.params["format"] == "xlsx" else "csv"
        return root() / revision / f"{self.key()}.{extension}"


def _revision() -> str:
    return revisions.token(revisions.STATISTICS)


def _open(path: Path) -> BinaryIO | None:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return None
    os.utime(path)  # served now: kept longer than the files nobody asks for
    return handle


def _lock(path: Path) -> Path | None:
    """The lock of ``path``'s build, taken; None while another build holds it."""
    lock = path.with_name(f"{path.name}.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            return lock
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime < LOCK_EXPIRES:
                    return None
            except FileNotFoundError:
                continue  # released meanwhile
            lock.unlink(missing_ok=True)  # left by a build that died
    return None


def open_download(*, query: DownloadQuery, language: str, site_root: str) -> BinaryIO | None:
    """The download's file, open, when built for the current revision; else None, its build
    started once (in this request when small, by the background worker when large)."""
    build = Build(query.params(), language, site_root)
    revision = _revision()
    path = build.path(revision)
    handle = _open(path)
    if handle is not None:
        return handle
    lock = _lock(path)
    if lock is None:
        return None
    if path.exists():  # built between the look and the lock
        lock.unlink(missing_ok=True)
        return _open(path)
    rows = selectors.download_count(
        indicator=query.indicator,
        countries=query.countries,
        partners=query.partners,
        year_from=query.year_from,
        year_to=query.year_to,
    )
    if rows <= INLINE_ROWS[query.format]:
        build_file(build, lock=lock, query=query, revision=revision)
    else:
        from .tasks import build_download

        try:
            build_download.enqueue(
                params=build.params, language=language, site_root=site_root, lock=str(lock)
            )
        except BaseException:
            lock.unlink(missing_ok=True)  # not queued: the next request tries again
            raise
    return _open(path)  # built already when small, or by an inline task backend


def _write(query: DownloadQuery, site_root: str, target: Path) -> None:
    if query.format == "xlsx":
        base = site_root.rstrip("/")
        downloads.xlsx_save(query, lambda dataset: base + dataset.get_absolute_url(), target)
        return
    chunks = (
        downloads.sdmx_csv_chunks(query)
        if query.format == "sdmx-csv"
        else downloads.csv_chunks(query)
    )
    with target.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(chunks)


def build_file(
    build: Build,
    *,
    lock: Path,
    query: DownloadQuery | None = None,
    revision: str | None = None,
) -> Path | None:
    """Build the file for the current revision (``revision`` when just read) and release
    ``lock``; None when the data changed during the build (the next request builds it)."""
    try:
        with translation.override(build.language):
            revision = revision or _revision()
            path = build.path(revision)
            if path.exists():
                return path
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f".{path.name}.{os.getpid()}.part")
            try:
                _write(query or DownloadQuery.from_params(build.params), build.site_root, part)
                if _revision() != revision:
                    return None
                os.replace(part, path)
            except FileNotFoundError:  # the folder of a revision replaced meanwhile
                return None
            finally:
                part.unlink(missing_ok=True)
            _prune(revision)
            return path
    finally:
        lock.unlink(missing_ok=True)


def _served_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _prune(revision: str) -> None:
    """Remove the files of older revisions, and past ``KEEP`` the current ones served last."""
    for folder in root().iterdir():
        if folder.is_dir() and folder.name != revision:
            shutil.rmtree(folder, ignore_errors=True)
    built = [f for f in (root() / revision).iterdir() if f.suffix in (".csv", ".xlsx")]
    built.sort(key=_served_at, reverse=True)
    for old in built[KEEP:]:
        old.unlink(missing_ok=True)
