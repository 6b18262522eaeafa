"""Security baseline: production settings refuse to start unconfigured; CSP with nonces."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

from rabatnet.network.tests import factories as f

REQUIRED = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "rabatnet.example.org",
    "DATABASE_URL": "postgres://u:p@localhost/db",
}


def _load_prod_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.prod"],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_settings_refuse_to_start_without(missing: str) -> None:
    result = _load_prod_settings({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert f"need the {missing} environment variable" in result.stderr


def test_production_settings_start_when_configured() -> None:
    assert _load_prod_settings(REQUIRED).returncode == 0


INLINE_TAG = re.compile(r"<(script|style)\b(?![^>]*\bsrc=)([^>]*)>", re.I)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/fr/countries/", "/en/countries/SEN/", "/en/private/directory/"]
)
def test_pages_carry_a_csp_and_no_inline_code_without_its_nonce(client, url: str) -> None:
    client.force_login(f.secretariat())
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    nonce = re.search(r"'nonce-([^']+)'", policy)
    html = response.content.decode()
    for match in INLINE_TAG.finditer(html):
        assert nonce and f'nonce="{nonce.group(1)}"' in match.group(2), (
            f"inline <{match.group(1)}> without the page's nonce"
        )
    assert " style=" not in html, "inline style attributes are refused by the CSP"
    for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
        assert src.startswith("/"), f"{src} is fetched from elsewhere"
