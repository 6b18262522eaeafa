"""A published guide as HTML, PDF and DOCX: its parts in its language, its annex, its PDF cache."""

import hashlib
import io
import logging
import re
import signal

import lxml.html
import pytest
from django.core.management import call_command
from django.test import TestCase
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from docx import Document
from pypdf import PdfReader

from rabatnet.guides import rendering, services
from rabatnet.guides.models import Edition, Guide, WorkgroupMember
from rabatnet.guides.rendering import part_titles
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.models import Organisation
from rabatnet.network.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PARTS = ["part1", "part2", "part3", "part4"]
CONSENTING = "Aminata Sow"
DISCREET = "Modou Discret"


def _publish(guide: Guide) -> Edition:
    edition = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=edition, actor=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.edition_publish(edition=edition, actor=None)
    edition.refresh_from_db()
    return edition


def _guide_with_a_discreet_member() -> Guide:
    """The test guide, with one workgroup member who agreed to appear and one who did not."""
    guide = drafted_guide()
    ansd = Organisation.objects.get(acronym="ANSD", country=guide.country)
    for name, consent in [(CONSENTING, True), (DISCREET, False)]:
        person = PersonFactory.create(
            full_name=name, organisation=ansd, job_title="Statisticienne", guide_consent=consent
        )
        WorkgroupMember.objects.create(guide=guide, person=person, role_in_group="Membre")
    return guide


@pytest.fixture
def published() -> Edition:
    return _publish(_guide_with_a_discreet_member())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf(client) -> PdfReader:
    response = client.get("/en/countries/SEN/guide.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)  # read to the end, the response is closed
    return PdfReader(io.BytesIO(data))


def _docx_text(client) -> str:
    response = client.get("/en/countries/SEN/guide.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return _flat("\n".join(texts))


def test_the_pdf_holds_the_part_titles_in_the_guides_language_and_the_annex(client, published):
    reader = _pdf(client)
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    titles = part_titles("fr")
    for key in [*PARTS, "annex"]:
        assert _flat(titles[key]) in text, key
    assert "Awa Contact" in text and CONSENTING in text
    assert DISCREET not in text


def test_the_pdf_has_a_title_page_and_page_numbers(client, published):
    reader = _pdf(client)
    pages = [_flat(page.extract_text()) for page in reader.pages]
    assert len(pages) > 3
    title_page = pages[0]
    assert "Sénégal" in title_page and published.content_sha256 in title_page.replace(" ", "")
    assert not re.search(r"\b1 / \d+", title_page)  # no running footer on the title page
    assert part_titles("fr")["part1"] not in title_page
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert f"{number} / {total}" in page, number


def test_the_docx_holds_the_part_titles_and_the_annex(client, published):
    text = _docx_text(client)
    titles = part_titles("fr")
    for key in [*PARTS, "annex"]:
        assert titles[key] in text, key
    assert "Awa Contact" in text and CONSENTING in text
    assert DISCREET not in text


def test_the_part_titles_are_french_for_a_french_guide():
    assert part_titles("fr")["part4"] != part_titles("en")["part4"]
    assert part_titles("fr")["annex"] != part_titles("en")["annex"]


def test_the_snapshot_keeps_out_people_who_did_not_agree(published):
    content = published.content
    names = [p["name"] for p in content["annex"]]
    assert names == ["Aminata Sow", "Awa Contact"]
    workgroup = [m["name"] for m in content["part3"]["workgroup"]]
    assert DISCREET not in workgroup and CONSENTING in workgroup
    assert DISCREET not in str(content)


def test_the_guide_page_has_a_table_of_contents(client, published):
    response = client.get("/en/countries/SEN/guide/")
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    (toc,) = tree.xpath("//nav[@class='toc']")
    links = {a.get("href"): _flat(a.text_content()) for a in toc.xpath(".//a")}
    titles = part_titles("fr")
    for key in [*PARTS, "annex"]:
        assert links[f"#{key}"] == titles[key]
        (section,) = tree.xpath(f"//section[@id='{key}']")
        assert _flat(section.findtext("h2")) == titles[key]
    (article,) = tree.xpath("//article[@class='guide']")
    assert article.get("lang") == "fr"
    page = response.content.decode()
    assert CONSENTING in page and DISCREET not in page


# --- The PDF cache ------------------------------------------------------------------------


def _counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = rendering.render_guide_pdf

    def counted(content: dict, sha256: str) -> bytes:
        calls.append(1)
        return real(content, sha256)

    monkeypatch.setattr(rendering, "render_guide_pdf", counted)
    return calls


def test_a_built_pdf_is_served_again_without_rebuilding(client, monkeypatch, media_root):
    edition = _publish(drafted_guide())  # publication built the PDF (the worker runs inline)
    assert edition.pdf_sha256
    calls = _counting(monkeypatch)
    first = b"".join(client.get("/en/countries/SEN/guide.pdf").streaming_content)
    second = b"".join(client.get("/en/countries/SEN/guide.pdf").streaming_content)
    assert calls == []
    assert first == second and hashlib.sha256(first).hexdigest() == edition.pdf_sha256
    # The file cached by content hash serves too, without a build.
    rendering.published_pdf_path(edition.pdf_sha256).unlink()
    third = client.get("/en/countries/SEN/guide.pdf")
    assert third.status_code == 200 and b"".join(third.streaming_content).startswith(b"%PDF")
    assert calls == []


def test_a_missing_pdf_is_built_once_then_cached(client, monkeypatch, media_root):
    edition = _publish(drafted_guide())
    for built in (media_root / "guides").rglob("*.pdf"):
        built.unlink()
    calls = _counting(monkeypatch)
    for _ in range(2):
        response = client.get("/en/countries/SEN/guide.pdf")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert calls == [1]
    assert rendering.cached_pdf(edition.content_sha256) is not None


WORKER_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
WORKER_LOGGERS = ["django_tasks", "django_tasks_db"]


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks go to the database queue, as in production (as core/tests/test_tasks.py does).

    Changing the setting fires setting_changed, which resets django_tasks' backend cache.
    The worker installs signal handlers and sets log levels: both are put back; its
    housekeeping that drops connections would break the test's transaction on PostgreSQL.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    levels = {name: logging.getLogger(name).level for name in WORKER_LOGGERS}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _run_worker() -> None:
    call_command(
        "db_worker",
        batch=True,
        startup_delay=False,
        interval=0,
        reload=False,
        verbosity=0,
        stdout=io.StringIO(),
    )


def _build_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path="rabatnet.guides.tasks.build_edition_pdf"))


def test_a_pdf_not_built_yet_is_queued_and_the_page_says_so(client, database_tasks, monkeypatch):
    assert isinstance(task_backends["default"], DatabaseBackend)
    calls = _counting(monkeypatch)
    edition = _publish(drafted_guide())  # publication queues the build for the worker
    assert edition.pdf_sha256 == "" and len(_build_tasks()) == 1
    response = client.get("/en/countries/SEN/guide.pdf")
    assert response.status_code == 202
    assert "The PDF is being built" in response.content.decode()
    assert response.templates[0].name == "guides/pdf_pending.html"
    tasks = _build_tasks()
    assert len(tasks) == 1  # the build queued at publication, not queued again
    assert {t.status for t in tasks} == {TaskResultStatus.READY}
    assert {t.args_kwargs["kwargs"]["edition_id"] for t in tasks} == {edition.pk}
    assert calls == []  # nothing was built in the request

    # The worker builds it once (the second task finds it built); then it is served at once.
    _run_worker()
    assert calls == [1]
    assert {t.status for t in _build_tasks()} == {TaskResultStatus.SUCCESSFUL}
    edition.refresh_from_db()
    assert edition.pdf_sha256
    response = client.get("/en/countries/SEN/guide.pdf")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == edition.pdf_sha256
    assert calls == [1]
