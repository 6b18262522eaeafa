"""Safe defaults: what starts without DJANGO_SETTINGS_MODULE, and the settings of ``make run``."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from config.settings.demo import secret_key_from_file

ROOT = Path(settings.BASE_DIR)
# Variables that would let production settings start, or pick other settings.
CONFIGURING = {
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DEBUG",
    "TWO_FACTOR_REQUIRED_ROLES",
}


def _python(code: str, **variables: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in CONFIGURING}
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("entry", ["config.wsgi", "config.asgi"])
@pytest.mark.parametrize("variables", [{}, {"DJANGO_SETTINGS_MODULE": ""}])
def test_the_server_entry_points_start_production_settings_by_default(entry: str, variables):
    result = _python(f"import {entry}", **variables)

    assert result.returncode != 0
    assert "Production settings need the SECRET_KEY environment variable." in result.stderr


def test_production_settings_require_two_factor_of_the_officials():
    code = (
        "from django.conf import settings; "
        "print(settings.TWO_FACTOR_REQUIRED_ROLES, settings.DEBUG, settings.DEMO_DATA)"
    )
    result = _python(
        code,
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="rabatnet.example.org",
        DATABASE_URL="postgres://rabatnet@localhost/rabatnet",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("]")[0] == "['secretariat', 'focal_point', 'coordinating_authority'"
    assert result.stdout.split("]")[1].split() == ["False", "False"]


def test_make_run_settings_serve_without_debug_demo_data_on_and_no_two_factor_required():
    code = (
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.DEMO_DATA, settings.TWO_FACTOR_REQUIRED_ROLES, "
        "settings.STORAGES['staticfiles']['BACKEND'], settings.SECRET_KEY != '')"
    )
    result = _python(code, DJANGO_SETTINGS_MODULE="config.settings.demo")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "[]",
        "rabatnet.core.static_storage.HashedCompressedStaticFilesStorage",
        "True",
    ]


def test_make_run_can_turn_two_factor_on_through_the_environment():
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_ROLES)"
    result = _python(
        code, DJANGO_SETTINGS_MODULE="config.settings.demo", TWO_FACTOR_REQUIRED_ROLES="secretariat"
    )

    assert result.stdout.strip() == "['secretariat']"


def test_the_secret_key_is_made_once_private_and_kept(tmp_path: Path):
    path = tmp_path / "var" / "secret_key"

    first = secret_key_from_file(path)
    second = secret_key_from_file(path)

    assert first == second
    assert len(first) >= 50
    assert first not in {"dev-only-not-secret-change-me", "test-only-not-secret"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key_from_file(tmp_path / "other" / "secret_key") != first
    assert [p.name for p in path.parent.iterdir()] == ["secret_key"]


def test_only_base_settings_read_the_environment():
    for module in ("dev", "demo", "prod", "test"):
        text = (ROOT / "config" / "settings" / f"{module}.py").read_text()
        assert "env." not in text and "os.environ" not in text and "getenv" not in text, module


@pytest.mark.django_db
def test_an_unknown_address_answers_the_sites_404_page(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert 'class="site-header"' in content  # the site's layout, not Django's plain page
    assert "Traceback" not in content and "URLconf" not in content


def test_the_server_error_page_renders_without_any_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "<h1>Server error</h1>" in html
