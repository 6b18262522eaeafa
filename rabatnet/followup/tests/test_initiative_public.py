"""The public list, detail and CSV of verified initiatives: filters, budgets with their
currency, the verification date, French pages, the page cache, the newsletter source."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from rabatnet.core import revisions
from rabatnet.core.public_cache import PUBLIC_PAGES
from rabatnet.followup.initiative_receivers import initiative_drafts
from rabatnet.followup.initiative_selectors import current_objectives

from .initiative_fixtures import verified

pytestmark = pytest.mark.django_db


def test_pages_are_kept_per_followup_revision():
    for name in ("initiatives:list", "initiatives:detail", "initiatives:csv"):
        assert revisions.FOLLOWUP in PUBLIC_PAGES[name].revisions
    assert revisions.FOLLOWUP in PUBLIC_PAGES["api:list_initiatives"].revisions


def test_verifying_raises_the_followup_revision():
    before = revisions.numbers(revisions.FOLLOWUP)[revisions.FOLLOWUP]
    verified()
    assert revisions.numbers(revisions.FOLLOWUP)[revisions.FOLLOWUP] > before


def test_detail_shows_budget_with_currency_and_verification(client):
    initiative = verified(budget=Decimal("1250000.50"), currency="XOF")
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "1250000.50 XOF" in page
    assert "Verified by the secretariat on" in page
    assert "https://example.org/report" in page


def test_french_page_shows_the_french_title(client):
    initiative = verified()
    page = client.get(f"/fr/strategy/initiatives/{initiative.pk}/").content.decode()
    assert "Formation aux postes frontières" in page


def test_filters(client):
    verified(
        "SEN",
        title_en="Senegal policy",
        kind="policy",
        starts_on=date(2020, 1, 1),
        ends_on=date(2021, 12, 31),
    )
    verified("MLI", title_en="Mali project")
    url = reverse("initiatives:list")
    assert "Mali project" not in client.get(url, {"country": "SEN"}).content.decode()
    assert "Mali project" not in client.get(url, {"kind": "policy"}).content.decode()
    page = client.get(url, {"year": "2021"}).content.decode()
    assert "Senegal policy" in page and "Mali project" not in page
    page = client.get(url, {"objective": str(current_objectives()[0].pk)}).content.decode()
    assert "Senegal policy" in page and "Mali project" in page
    bad = client.get(url, {"year": "twenty", "country": "\x00"})
    assert bad.status_code == 200
    assert bad.context["form"].errors


def test_csv_columns_exact_budget_and_filters(client):
    verified("SEN", budget=Decimal("0.10"), currency="EUR")
    verified("MLI", budget=None, currency="")
    response = client.get(reverse("initiatives:csv"), {"country": "SEN"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["budget"] == "0.10"
    assert rows[0]["budget_currency"] == "EUR"
    assert rows[0]["verified_on"] == timezone.localdate().isoformat()
    assert client.get(reverse("initiatives:csv"), {"kind": "x"}).status_code == 400


def test_newsletter_source_lists_the_quarters_verifications():
    initiative = verified()
    today = timezone.localdate()
    drafts = initiative_drafts(today.year, (today.month - 1) // 3 + 1)
    assert [d.source for d in drafts] == [f"followup.Initiative:{initiative.pk}:verified"]
    assert drafts[0].link == f"/strategy/initiatives/{initiative.pk}/"
