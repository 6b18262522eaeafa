"""What the public sees of a published edition comes from its snapshot: nothing drifts when the
living records change; a PDF build is queued once however many ask."""

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
from django.core.cache import cache
from django.db import models
from django.test import Client
from django.urls import reverse
from django_tasks import default_task_backend
from django_tasks.backends.dummy import DummyBackend

from rabatnet.guides.models import (
    ActorRole,
    Challenge,
    ChallengeType,
    ContentItem,
    CorrectiveAction,
    Guide,
    PdfBuild,
    Practice,
    Recommendation,
    WorkgroupMember,
)
from rabatnet.guides.tests.factories import published_guide
from rabatnet.guides.tests.responses import close_file
from rabatnet.network.models import Organisation, Person
from rabatnet.sources.models import Area, Source

pytestmark = pytest.mark.django_db

SKIPPED = {"id", "version", "created_at", "updated_at", "guide", "country", "language", "user"}
CSRF = re.compile(rb'"X-CSRFToken": "[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


def _other_value(obj: models.Model, field: models.Field, n: int) -> object:
    """A valid value for ``field`` that differs from the stored one."""
    current = getattr(obj, field.attname)
    if field.choices:
        return next(v for v, _label in field.flatchoices if v != current and v != "")
    if isinstance(field, models.BooleanField):
        return not current
    if isinstance(field, models.EmailField):
        return f"changed-{n}@example.org"
    if isinstance(field, models.URLField):
        return f"https://changed.example.org/{n}"
    if isinstance(field, models.DateTimeField):
        return datetime(2031, 1, n % 28 + 1, tzinfo=UTC)
    if isinstance(field, models.DateField):
        return date(2031, 1, n % 28 + 1)
    if isinstance(field, models.IntegerField):
        return 1990 + n % 30
    if isinstance(field, models.CharField | models.TextField):
        return f"CHANGED {n}"[: field.max_length or 100]
    raise AssertionError(f"no other value for {field!r}")


def _change_every_field(obj: models.Model, n: int, spare: dict[type, models.Model]) -> None:
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED or field.primary_key:
            continue
        if isinstance(field, models.ForeignKey):
            setattr(obj, field.name, spare[field.related_model])
        else:
            setattr(obj, field.attname, _other_value(obj, field, n))
    obj.save()


def _change_everything_live(guide: Guide) -> None:
    """Every live field of the guide, of every record of its parts, and of the country's
    sources, organisations and people (reference lists included) changes."""
    country = guide.country
    spare_org = Organisation.objects.create(
        name="Spare organisation", kind=Organisation.Kind.OTHER, country=country
    )
    spare: dict[type, models.Model] = {
        Organisation: spare_org,
        Person: Person.objects.create(full_name="Spare person", email="spare@example.org"),
        ChallengeType: ChallengeType.objects.create(slug="spare", title="Spare type"),
        Challenge: Challenge.objects.get(guide=guide),
    }
    records: list[models.Model] = [guide]
    for model in (ActorRole, WorkgroupMember, Practice, Challenge, Recommendation):
        records += list(model.objects.filter(guide=guide))
    records += list(CorrectiveAction.objects.filter(challenge__guide=guide))
    records += list(Source.objects.filter(country=country))
    records += list(Organisation.objects.exclude(pk=spare_org.pk))
    records += list(Person.objects.exclude(email="spare@example.org"))
    records += list(ContentItem.objects.all()) + list(Area.objects.all())
    for n, record in enumerate(records):
        _change_every_field(record, n, spare)
    guide.profile_contents.set(ContentItem.objects.all()[:1])
    for source in Source.objects.filter(country=country):
        source.areas.set(Area.objects.all()[:1])
    for attr in ("name_en", "name_fr", "name_pt"):
        setattr(country, attr, f"Changed {attr}")
    country.save()


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _renderings(client: Client, guide: Guide, media: Path) -> dict[str, bytes]:
    """Everything the public gets of the published guide, built afresh (no cache, no file)."""
    cache.clear()
    for path in media.rglob("*.pdf"):
        path.unlink()
    PdfBuild.objects.all().delete()
    iso3, lang = guide.country.iso3, f"?lang={guide.language}"
    kw = {"iso3": iso3}
    urls = {
        "page": reverse("guides:detail", kwargs=kw) + lang,
        "edition": reverse("guides:edition", kwargs={**kw, "number": 1}) + lang,
        "editions": reverse("guides:editions", kwargs=kw) + lang,
        "docx": reverse("guides:docx", kwargs=kw) + lang,
        "pdf": reverse("guides:pdf", kwargs=kw) + lang,
        "api": f"/api/v1/countries/{iso3}/guides/{guide.language}/editions",
    }
    got = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        body = response.getvalue()
        close_file(response)
        got[name] = CSRF.sub(b"", body)
    got["pdf-text"] = _pdf_text(got["pdf"]).encode()
    return got


def test_nothing_public_drifts_when_every_live_field_changes(
    client: Client, tmp_path: Path
) -> None:
    guide = published_guide()
    edition = guide.editions.get()
    before = _renderings(client, guide, tmp_path)
    assert b"Recensement" in before["page"] and b"Recensement" in before["pdf-text"]
    assert edition.content_sha256.encode() in before["api"]

    _change_everything_live(guide)
    guide.refresh_from_db()
    assert guide.title.startswith("CHANGED") and guide.context.startswith("CHANGED")

    after = _renderings(client, guide, tmp_path)
    for name in before:
        assert after[name] == before[name], name
    assert b"CHANGED" not in after["page"] and b"Changed name" not in after["page"]


def test_the_page_title_and_headings_come_from_the_snapshot(client: Client) -> None:
    guide = published_guide()
    Guide.objects.filter(pk=guide.pk).update(title="Titre publié")
    guide.refresh_from_db()
    # A fresh edition holds the title; then the live title changes.
    from rabatnet.guides import services

    second = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=second, actor=None)
    services.edition_publish(edition=second, actor=None)
    Guide.objects.filter(pk=guide.pk).update(title="Titre vivant, pas publié")
    page = client.get(reverse("guides:detail", kwargs={"iso3": "SEN"}) + "?lang=fr")
    html = page.content.decode()
    assert "<title>Titre publié" in html and "Titre publié</h1>" in html
    assert "Titre vivant" not in html
    editions = client.get(reverse("guides:editions", kwargs={"iso3": "SEN"}) + "?lang=fr")
    assert "Titre publié" in editions.content.decode()


def test_a_pdf_build_is_queued_once_however_many_ask(client: Client, settings: Any) -> None:
    guide = published_guide()
    edition = guide.editions.get()
    for path in Path(str(settings.MEDIA_ROOT)).rglob("*.pdf"):
        path.unlink()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    url = reverse("guides:edition_pdf", kwargs={"iso3": "SEN", "number": edition.number})
    for _ in range(20):
        assert client.get(url + "?lang=fr").status_code == 202
    assert len(cast(DummyBackend, default_task_backend).results) == 1
    assert PdfBuild.objects.filter(edition=edition).count() == 1


def test_the_api_lists_the_published_editions_from_their_snapshots(client: Client) -> None:
    guide = published_guide()
    edition = guide.editions.get()
    Guide.objects.filter(pk=guide.pk).update(title="Titre vivant")
    response = client.get("/api/v1/countries/sen/guides/fr/editions")
    assert response.status_code == 200
    (listed,) = response.json()
    assert listed["number"] == 1 and listed["title"] == edition.content["title"] == ""
    assert listed["language"] == "fr" and listed["country"] == "Sénégal"
    assert listed["content_sha256"] == listed["public_content_sha256"] == edition.content_sha256
    assert listed["pdf_sha256"] == listed["public_pdf_sha256"] == edition.pdf_sha256 != ""
    assert listed["contact_withdrawn_at"] is None and listed["published_at"]
    assert client.get("/api/v1/countries/SEN/guides/pt/editions").status_code == 404
    assert client.get("/api/v1/countries/SEN/guides/xx/editions").status_code in (404, 422)
