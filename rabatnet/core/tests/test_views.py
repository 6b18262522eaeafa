"""The public home page and the health check."""

import logging

import pytest
from django.db import OperationalError

from rabatnet.core import selectors


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "lang", "other"), [("/en/", "en", "/fr/"), ("/fr/", "fr", "/en/")])
def test_home_answers_in_each_language_with_a_link_to_the_other(client, url, lang, other):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f'<a href="{other}" hreflang="{other.strip("/")}"' in html
    # The switch is a plain link: no form, no script needed.
    assert "<select" not in html


@pytest.mark.django_db
def test_home_shows_the_member_counts(client):
    html = client.get("/en/").content.decode()

    assert '<span class="figure">55</span>' in html
    assert "<dt>European partners</dt><dd>29</dd>" in html
    assert "<dt>African partners</dt><dd>26</dd>" in html
    assert "<dt>Observers</dt><dd>2</dd>" in html
    assert 'href="/en/countries/"' in html


@pytest.mark.django_db
def test_root_redirects_to_a_language(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


class _UnreachableDatabase:
    def cursor(self) -> None:
        raise OperationalError("could not connect to server: Connection refused")


@pytest.mark.django_db
def test_healthz_is_503_naming_only_the_kind_of_failure(client, monkeypatch, caplog):
    """Public: the driver's message (host, port, role) goes to the log, never out."""
    monkeypatch.setattr(selectors, "connection", _UnreachableDatabase())

    with caplog.at_level(logging.ERROR, logger="rabatnet.core.selectors"):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable (OperationalError)"}
    assert "Connection refused" not in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "rabatnet.core.selectors"]
    assert record.levelno == logging.ERROR
    assert "could not connect to server: Connection refused" in str(record.exc_info[1])


@pytest.mark.django_db
def test_healthz_is_503_when_the_query_itself_fails(client, monkeypatch):
    class FailingCursor:
        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def execute(self, sql: str) -> None:
            raise OperationalError("database disk image is malformed")

    class Connection:
        def cursor(self) -> FailingCursor:
            return FailingCursor()

    monkeypatch.setattr(selectors, "connection", Connection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable (OperationalError)"}


@pytest.mark.django_db
def test_database_health_is_none_when_the_database_answers():
    assert selectors.database_health() is None


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
