"""The guide's making: importing a large KoboToolbox export, and a respondent's answer page.

Measures, in one process, on the `make setup` database (everything written here is in one
transaction rolled back at the end: the database is left as it was):
- the import of a KoboToolbox XLSX export of N submissions (default 1,000), each with 3 rows
  of a repeat group and select several as 0/1 columns (``submissions_import``: read, check
  every value, write in one transaction), median of RUNS runs, each rolled back; its database
  queries; and, as the baseline in the same run, reading and checking the same file alone
  (``read_and_check``, no write) — the ratio is what writing costs on top of reading;
- the respondent's answer page of the standard questionnaire ``rabatnet_sources`` (or the
  tests' small one if it is not loaded) through a personal link: server time (p50, p95), its
  queries and the bytes on the wire as a browser receives them (a browser's ``gzip, deflate,
  br``; ``br`` alone; ``gzip``; none: private pages that carry a CSRF token never travel in
  brotli, decision 0021); the
  baseline is /en/countries/ with the public page cache off (both pages built every time).
Run after `make setup`: `.venv/bin/python bench/questionnaires.py` (BENCH_SUBMISSIONS,
BENCH_RUNS to change the sizes).
"""

import os
import time
import uuid

from _setup import p50_p95, timed
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from rabatnet.countries.models import Country
from rabatnet.questionnaires.models import Questionnaire
from rabatnet.questionnaires.submission_import import Upload, read_and_check, submissions_import
from rabatnet.questionnaires.tests import submission_exports as x
from rabatnet.questionnaires.tests.answer_fixtures import link
from rabatnet.questionnaires.tests.factories import make_invitation, make_questionnaire

SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PAGE_RUNS = int(os.environ.get("BENCH_PAGE_RUNS", "30"))
BASELINE = "/en/countries/"


def kobo_export(n: int) -> bytes:
    """A KoboToolbox XLSX export of the tests' questionnaire: n submissions, 3 repeat rows."""
    main, repeat = [], []
    for i in range(1, n + 1):
        submission = str(uuid.UUID(int=i))
        main.append(x.kobo_main_row(i, submission))
        for j in range(3):
            cells = {
                "data_source/source_name": f"Source {i}.{j}",
                "data_source/source_kind": "census",
                "data_source/areas/trends": 1,
                "data_source/areas/border": j % 2,
            }
            repeat.append(x.kobo_repeat_row(3 * (i - 1) + j + 1, i, submission, **cells))
    return x.kobo_xlsx(main, repeat)


def bench_import() -> None:
    questionnaire = make_questionnaire("test_sources")
    country = Country.objects.get(iso3="SEN")
    started = time.perf_counter()
    data = kobo_export(SUBMISSIONS)
    print(f"export of {SUBMISSIONS:,} submissions x 3 repeat rows: {len(data):,} bytes "
          f"(written in {time.perf_counter() - started:.1f} s)")  # fmt: skip
    uploads = [Upload(name="bench.xlsx", data=data)]

    def read() -> None:
        read_and_check(questionnaire, uploads)

    def write() -> None:
        with transaction.atomic():
            submissions_import(
                questionnaire=questionnaire, country=country, uploads=uploads, actor=None
            )
            transaction.set_rollback(True)

    read_p50, _ = p50_p95(timed(read, RUNS, warm_up=False))
    full_p50, _ = p50_p95(timed(write, RUNS, warm_up=False))
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        submissions_import(questionnaire=questionnaire, country=country, uploads=uploads,
                           actor=None)  # fmt: skip
        transaction.set_rollback(True)
    print(f"  baseline, read and check only: p50 {read_p50:,.0f} ms ({RUNS} runs)")
    print(f"  import (read, check, write):   p50 {full_p50:,.0f} ms; {len(captured)} queries")
    print(f"  per submission: {full_p50 / SUBMISSIONS:.2f} ms; "
          f"ratio import / read-and-check: {full_p50 / read_p50:.2f}")  # fmt: skip


def wire(client: Client, url: str) -> str:
    sizes = []
    for accept in ("gzip, deflate, br", "br", "gzip", ""):
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
        encoding = response.get("Content-Encoding", "identity")
        sizes.append(f"{accept or 'identity'} {len(response.content):,} ({encoding})")
    return " / ".join(sizes)


def page(client: Client, url: str) -> tuple[float, float, int]:
    def get() -> None:
        response = client.get(url, HTTP_ACCEPT_ENCODING="br")
        assert response.status_code == 200, (url, response.status_code)

    p50, p95 = p50_p95(timed(get, PAGE_RUNS))
    with CaptureQueriesContext(connection) as captured:
        get()
    return p50, p95, len(captured)


def bench_answer_page() -> None:
    questionnaire = Questionnaire.objects.filter(form_id="rabatnet_sources").first()
    if questionnaire is None:
        questionnaire = make_questionnaire("bench_answers")
    invitation = make_invitation(questionnaire, "SEN", language="fr")
    url = link(invitation, "fr")
    client = Client()
    questions = questionnaire.questions.count()
    ours = page(client, url)
    base = page(client, BASELINE)
    print(f"answer page of {questionnaire.form_id} ({questions} rows), French, via its link:")
    print(f"  p50 {ours[0]:.1f} ms, p95 {ours[1]:.1f} ms, {ours[2]} queries ({PAGE_RUNS} runs)")
    print(f"  on the wire: {wire(client, url)}")
    print(f"baseline {BASELINE} (page cache off): p50 {base[0]:.1f} ms, p95 {base[1]:.1f} ms, "
          f"{base[2]} queries")  # fmt: skip
    print(f"  on the wire: {wire(client, BASELINE)}")
    print(f"  ratio answer page / baseline (p50): {ours[0] / base[0]:.2f}")


def main() -> None:
    settings = {"PUBLIC_PAGE_CACHE": False, "ALLOWED_HOSTS": ["testserver"]}
    with override_settings(**settings), transaction.atomic():
        bench_answer_page()
        bench_import()
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
