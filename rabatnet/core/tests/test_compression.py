"""Responses compressed on the wire: brotli where no secret is in the body, padded gzip else."""

import gzip
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import brotli
import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.test import RequestFactory

from rabatnet.core.compression import accepted_encodings, compress
from rabatnet.network.tests.factories import focal_point

pytestmark = pytest.mark.django_db

BR = {"accept-encoding": "gzip, deflate, br"}
GZIP = {"accept-encoding": "gzip"}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_an_anonymous_public_page_goes_out_in_brotli(client):
    response = client.get("/en/countries/", headers=BR)

    assert response["Content-Encoding"] == "br"
    assert "accept-encoding" in vary(response)
    assert b"Member countries" in brotli.decompress(response.content)


def test_a_client_without_brotli_gets_gzip(client):
    response = client.get("/en/countries/", headers=GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert b"Member countries" in gzip.decompress(response.content)


def test_a_client_asking_for_nothing_gets_the_plain_page_with_vary(client):
    response = client.get("/en/countries/")

    assert not response.has_header("Content-Encoding")
    assert "accept-encoding" in vary(response)


def test_json_of_the_api_is_compressed(client):
    response = client.get("/api/v1/countries", headers=BR)

    assert response["Content-Encoding"] == "br"
    assert b'"iso3": "DZA"' in brotli.decompress(response.content)


def test_a_static_svg_is_compressed_as_a_stream(client):
    response = client.get("/static/core/favicon.svg", headers=BR)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert b"<svg" in brotli.decompress(b"".join(response.streaming_content))


def test_a_page_holding_a_csrf_token_never_goes_out_in_brotli(client):
    """BREACH: a secret in the body gets Django's gzip, padded with random bytes."""
    response = client.get("/en/accounts/login/", headers=BR)

    assert response["Content-Encoding"] == "gzip"
    assert b"csrfmiddlewaretoken" in gzip.decompress(response.content)


def test_a_signed_in_person_never_gets_brotli(client):
    client.force_login(focal_point())

    response = client.get("/en/countries/", headers=BR)

    assert response["Content-Encoding"] == "gzip"


def test_the_gzip_of_a_signed_in_page_is_padded(client):
    """Django's BREACH mitigation: random bytes in the gzip header's file name (FNAME)."""
    client.force_login(focal_point())

    body = client.get("/en/countries/", headers=GZIP).content

    assert body[3] & 0x08, "no FNAME field: the gzip output is not padded"
    assert b"Sign out" in gzip.decompress(body)


@pytest.mark.parametrize(
    "content_type", ["text/csv", "application/xml", "image/svg+xml", "application/json"]
)
def test_text_types_are_compressed(content_type: str):
    request = RequestFactory().get("/", headers=BR)
    response = HttpResponse(b"a,b,c\n" * 200, content_type=content_type)

    compressed = compress(request, response, GZipMiddleware(lambda r: response))

    assert isinstance(compressed, HttpResponse)
    assert compressed["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.content) == b"a,b,c\n" * 200


def test_a_streamed_csv_is_compressed_chunk_by_chunk():
    request = RequestFactory().get("/", headers=BR)
    rows = (b"country,year,value\n" for _ in range(500))
    response = StreamingHttpResponse(rows, content_type="text/csv")

    compressed = compress(request, response, GZipMiddleware(lambda r: response))

    assert isinstance(compressed, StreamingHttpResponse)
    assert compressed["Content-Encoding"] == "br"
    body = b"".join(cast(Iterator[bytes], compressed.streaming_content))
    assert brotli.decompress(body) == b"country,year,value\n" * 500


def test_an_xlsx_is_left_as_it_is():
    request = RequestFactory().get("/", headers=BR)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(b"PK" * 500, content_type=xlsx)

    assert not compress(request, response, GZipMiddleware(lambda r: response)).has_header(
        "Content-Encoding"
    )


def test_a_coding_refused_with_q_0_is_not_used():
    request = RequestFactory().get("/", headers={"accept-encoding": "br;q=0, gzip"})

    assert accepted_encodings(request) == {"gzip"}


@pytest.mark.parametrize("module", ["dev", "base"])
def test_static_files_are_hashed_and_compressed_in_every_mode(module: str):
    """Served from collectstatic's output (hashed, .gz and .br), never from the finders.

    demo.py and prod.py take base's static settings as they are (checked below).
    """
    settings_module = importlib.import_module(f"config.settings.{module}")

    storage = settings_module.STORAGES["staticfiles"]["BACKEND"]
    assert storage == "rabatnet.core.static_storage.HashedCompressedStaticFilesStorage"
    assert settings_module.WHITENOISE_USE_FINDERS is False
    assert settings_module.WHITENOISE_AUTOREFRESH is False


def test_collectstatic_writes_hashed_gzip_and_brotli_files(tmp_path, settings):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "rabatnet.core.static_storage.HashedCompressedStaticFilesStorage"
        },
    }
    settings.DEBUG = True

    call_command("collectstatic", "--no-input", verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage

    assert staticfiles_storage.url("core/site.css") != "/static/core/site.css"  # hashed

    hashed = [p.name for p in (tmp_path / "core").glob("site.*.css")]
    assert any(name.endswith(".css") for name in hashed)
    assert any(p.name.endswith(".css.br") for p in (tmp_path / "core").iterdir())
    assert any(p.name.endswith(".css.gz") for p in (tmp_path / "core").iterdir())


@pytest.mark.parametrize("module", ["demo", "prod"])
def test_demo_and_production_keep_the_static_settings_of_base(module: str):
    source = (Path(__file__).parents[3] / "config" / "settings" / f"{module}.py").read_text()

    assert "from .base import *" in source
    assert "WHITENOISE" not in source
    assert "STORAGES" not in source
