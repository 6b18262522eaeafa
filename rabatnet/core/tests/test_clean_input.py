"""Clean at input: text pasted from Word reaches no record with control characters.

Every form of the site (the admin's included) cleans its text fields in one place,
``core.forms.SiteFormMixin``: ``\\r\\n`` becomes ``\\n``; vertical tab, form feed, NUL, other
control characters and lone surrogates go; tab and newline stay.
"""

import re
from typing import Any

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from rabatnet.core.forms import clean_text
from rabatnet.guides.forms import PARTS, GuideTextForm
from rabatnet.guides.models import Guide, Recommendation
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.forms import OrganisationForm, PersonForm
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f
from rabatnet.sources.forms import EntityForm, SourceForm

UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\r]")
WORD = "Priorité\x0b: coopérer\x0c\r\nentre services\x00\x07 \ud83d et\tpartenaires\r"
# What a browser can send (a lone surrogate cannot be encoded in a request).
PASTED = WORD.replace("\ud83d", "\x1b")


def test_clean_text_keeps_tab_and_newline_and_drops_the_rest() -> None:
    assert clean_text(WORD) == "Priorité: coopérer\nentre services  et\tpartenaires\n"


@given(st.text(st.characters(exclude_categories=[]), max_size=200))
def test_clean_text_leaves_no_control_character_or_surrogate(text: str) -> None:
    cleaned = clean_text(text)
    assert not UNWANTED.search(cleaned)
    assert clean_text(cleaned) == cleaned
    cleaned.encode("utf-8")  # no lone surrogate left


def _text_fields(form: forms.BaseForm) -> list[str]:
    return [
        name
        for name, field in form.fields.items()
        if type(field) in (forms.CharField, forms.SlugField) and not field.disabled
    ]


@pytest.fixture
def guide(db: Any) -> Guide:
    return drafted_guide("SEN", "fr")


def _site_forms(guide: Guide, editor: Any, data: Any) -> list[forms.BaseForm]:
    country = guide.country
    return [
        GuideTextForm(data, instance=guide),
        SourceForm(data, country=country, editor=editor),
        EntityForm(data, country=country),
        PersonForm(data),
        OrganisationForm(data),
        *(part.form(guide, data, editor=editor) for part in PARTS.values()),
    ]


def test_every_site_form_cleans_its_text_fields(guide: Guide) -> None:
    editor = f.secretariat()
    checked = 0
    for unbound in _site_forms(guide, editor, None):
        names = _text_fields(unbound)
        data = {name: WORD for name in names}
        bound = type(unbound)(data, **_kwargs(unbound, guide, editor))
        bound.is_valid()
        for name in names:
            value = bound.cleaned_data.get(name)
            assert name not in bound.errors or "Null characters" not in str(bound.errors)
            if value is not None:
                assert not UNWANTED.search(value), (type(bound).__name__, name, value)
                checked += 1
    assert checked >= 10


def _kwargs(form: forms.BaseForm, guide: Guide, editor: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if isinstance(form, SourceForm):
        kwargs.update(country=guide.country, editor=editor)
    elif isinstance(form, EntityForm):
        kwargs.update(country=guide.country)
    if isinstance(form, forms.ModelForm) and form.instance.pk:
        kwargs["instance"] = form.instance
    elif isinstance(form, forms.ModelForm) and hasattr(form.instance, "guide_id"):
        kwargs["instance"] = type(form.instance)(guide=guide)
    return kwargs


def test_every_admin_form_cleans_its_text_fields(guide: Guide) -> None:
    superuser = f.UserFactory.create(email="root@example.org", is_superuser=True, is_staff=True)
    request = RequestFactory().get("/")
    request.user = superuser
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not model.__module__.startswith("rabatnet."):
            continue
        form_class = model_admin.get_form(request, None)
        names = _text_fields(form_class())
        form = form_class({name: WORD for name in names})
        form.is_valid()
        for name in names:
            value = form.cleaned_data.get(name)
            if value is not None:
                assert not UNWANTED.search(value), (model.__name__, name, value)
                checked += 1
    assert checked >= 10


def test_a_recommendation_pasted_from_word_is_stored_clean(client: Any, guide: Guide) -> None:
    client.force_login(f.focal_point("SEN"))
    url = reverse("guides:part_create", kwargs={"iso3": "SEN", "part": "recommendations"})
    data = {
        "category": "cooperation",
        "text": PASTED,
        "addressee": "Ministère\x0b",
        "priority": "high",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    stored = Recommendation.objects.get(guide=guide, addressee="Ministère")
    assert stored.text == "Priorité: coopérer\nentre services  et\tpartenaires"


@pytest.mark.django_db
def test_the_admin_stores_pasted_text_clean(client: Any) -> None:
    person = f.PersonFactory.create(job_title="Director")
    client.force_login(
        f.UserFactory.create(email="root@example.org", is_superuser=True, is_staff=True)
    )
    url = reverse("admin:network_person_change", args=[person.pk])
    data = {
        "full_name": "Awa\x0b Ndiaye\x00",
        "job_title": "Head\r\nof unit\x0c",
        "email": person.email,
        "language": person.language,
        "record_version": str(person.version),
        "appointments-TOTAL_FORMS": "0",
        "appointments-INITIAL_FORMS": "0",
    }

    assert client.post(url, data).status_code == 302
    person = Person.objects.get(pk=person.pk)
    assert (person.full_name, person.job_title) == ("Awa Ndiaye", "Head\nof unit")
