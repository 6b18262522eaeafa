"""Any text, any export: what is pasted from Word never breaks the page, the PDF or the DOCX."""

import copy
from typing import Any

import pytest
from django.db import connection, models
from django.test import Client, TestCase
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.guides import services
from rabatnet.guides.docx_export import render_guide_docx
from rabatnet.guides.models import (
    ActorRole,
    Challenge,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    WorkgroupMember,
)
from rabatnet.guides.models.guide import content_hash
from rabatnet.guides.rendering import (
    export_text,
    render_guide_body,
    render_guide_pdf,
    render_guide_print,
)
from rabatnet.guides.snapshot import guide_snapshot
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.guides.tests.responses import close_file

pytestmark = pytest.mark.django_db

WORD = "Texte\x0bcollé\x0cde Word\x01\x1f\x7f\x85\x9f\u200f\u202e\ud800 fin"
SUSPENDED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def test_the_export_cleaning_keeps_text_and_drops_what_breaks() -> None:
    assert export_text(WORD) == "Texte\ncollé\nde Word\n\ufffd fin"
    assert export_text("a\r\nb\u2028c\td") == "a\nb\nc\td"
    assert export_text("Dakar — Sénégal 🇸🇳") == "Dakar — Sénégal 🇸🇳"


def test_a_vertical_tab_in_a_recommendation_does_not_break_the_published_guide(
    client: Client,
) -> None:
    guide = drafted_guide()
    Recommendation.objects.filter(guide=guide).update(text="Coopérer\x0bdavantage.\x01")
    edition = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=edition, actor=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.edition_publish(edition=edition, actor=None)
    for name in ("detail", "docx", "pdf"):
        response = client.get(reverse(f"guides:{name}", kwargs={"iso3": "SEN"}) + "?lang=fr")
        assert response.status_code == 200, name
        close_file(response)


def _text_fields(obj: models.Model) -> list[str]:
    return [
        f.attname
        for f in obj._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices
    ]


def _storable(text: str) -> str:
    """What the database can hold at all: PostgreSQL refuses NUL; neither takes a surrogate."""
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    return text.replace("\x00", "") if connection.vendor == "postgresql" else text


def _fill(guide: Guide, texts: st.DataObject) -> None:
    records: list[models.Model] = [guide]
    for model in (ActorRole, WorkgroupMember, Practice, Challenge, Recommendation):
        records += list(model.objects.filter(guide=guide))
    records += list(CorrectiveAction.objects.filter(challenge__guide=guide))
    for record in records:
        for name in _text_fields(record):
            text = _storable(texts.draw(st.text(max_size=300), label=name))
            if name == "title" and isinstance(record, Challenge) and not text:
                text = "x"  # a challenge without type needs a title
            setattr(record, name, text[: getattr(record._meta.get_field(name), "max_length", None)])
        record.save()


def _render_all(content: dict[str, Any], *, pdf: bool) -> None:
    sha256 = content_hash(content) if content.get("schema") else "0" * 64
    assert "<article" in render_guide_body(content, sha256)
    assert "<html" in render_guide_print(content, sha256)
    assert render_guide_docx(content, sha256)[:2] == b"PK"
    if pdf:
        assert render_guide_pdf(content, sha256)[:5] == b"%PDF-"


@settings(max_examples=25, deadline=None, suppress_health_check=SUSPENDED)
@given(texts=st.data())
def test_any_text_in_every_field_builds_the_page_and_the_docx(texts: st.DataObject) -> None:
    guide = drafted_guide() if not Guide.objects.exists() else Guide.objects.get()
    _fill(guide, texts)
    _render_all(guide_snapshot(guide), pdf=False)


@settings(max_examples=10, deadline=None, suppress_health_check=SUSPENDED)
@given(texts=st.data())
def test_any_text_in_every_field_builds_the_pdf(texts: st.DataObject) -> None:
    guide = drafted_guide() if not Guide.objects.exists() else Guide.objects.get()
    _fill(guide, texts)
    _render_all(guide_snapshot(guide), pdf=True)


def _replace_strings(node: Any, texts: st.DataObject) -> Any:
    if isinstance(node, dict):
        return {
            k: v if k in {"language", "id", "key", "slug"} else _replace_strings(v, texts)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_replace_strings(v, texts) for v in node]
    if isinstance(node, str):
        return texts.draw(st.text(max_size=200))  # surrogates and control characters included
    return node


@settings(max_examples=30, deadline=None, suppress_health_check=SUSPENDED)
@given(texts=st.data())
def test_any_unicode_in_a_snapshot_builds_every_export(texts: st.DataObject) -> None:
    """Lone surrogates cannot reach the database, but an export must survive them anyway."""
    if not Guide.objects.exists():
        drafted_guide()
    content = _replace_strings(copy.deepcopy(guide_snapshot(Guide.objects.get())), texts)
    _render_all(content, pdf=False)


def test_a_long_unbroken_line_wraps_inside_the_pdf_page() -> None:
    from weasyprint import HTML

    guide = drafted_guide()
    Recommendation.objects.filter(guide=guide).update(text="x" * 10_000)
    Practice.objects.filter(guide=guide).update(description="y" * 10_000)
    content = guide_snapshot(guide)
    document = HTML(string=render_guide_print(content, content_hash(content))).render()
    for page in document.pages:
        right = page.width  # beyond it, text is lost
        for box in page._page_box.descendants():
            if type(box).__name__ == "TextBox":
                assert box.position_x + box.width <= right, box.text[:40]
