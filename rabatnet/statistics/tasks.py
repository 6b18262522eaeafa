"""Background work for statistics: the builds of large downloads."""

from pathlib import Path

from django_tasks import task

from .download_files import Build, build_file


@task()
def build_download(*, params: dict, language: str, site_root: str, lock: str) -> str:
    """Build a download file for the current data revision (see ``download_files``); its
    path, or "" when the data changed during the build."""
    path = build_file(Build(params, language, site_root), lock=Path(lock))
    return str(path or "")
