"""No 500 from the admin: "view on site" for every content type, model pages with odd ids,
and every admin form of the project's models posted odd values."""

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from rabatnet.accounts.models import User
from rabatnet.core.forms import SiteFormMixin
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.tests import factories as f

from .forms_census import values_for

ODD_IDS = ["99999999999999999999", "-99999999999999999999", "9223372036854775808", "x1", "-1"]
PROJECT_MODELS = [m for m in admin.site._registry if m.__module__.startswith("rabatnet.")]


@pytest.fixture
def filled(db: Any) -> None:
    """A guide with a record in every part, a source, people with appointments."""
    drafted_guide("SEN", "fr")
    f.AppointmentFactory.create()


@pytest.fixture
def superuser(db: Any) -> User:
    return f.UserFactory.create(email="root@example.org", is_superuser=True, is_staff=True)


def test_the_view_on_site_shortcut_never_fails(client: Any, filled: None) -> None:
    """Every content type, with a real id, a huge id and one that is not a number."""
    client.force_login(f.secretariat())
    content_types = list(ContentType.objects.all())
    assert len(content_types) > 20
    for content_type in content_types:
        model = content_type.model_class()
        first = model._default_manager.first() if model is not None else None
        ids = [str(first.pk)] if first is not None else []
        for object_id in [*ids, *ODD_IDS, "%C3%A9"]:
            url = f"/en/admin/r/{content_type.pk}/{object_id}/"
            response = client.get(url)
            assert response.status_code < 500, url
    for content_type_id in ["99999999999999999999", "0"]:
        assert client.get(f"/en/admin/r/{content_type_id}/1/").status_code == 404


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m._meta.label)
def test_admin_model_pages_with_odd_ids_never_fail(
    client: Any, filled: None, superuser: User, model: type[Model]
) -> None:
    client.force_login(superuser)
    meta = model._meta
    for page in ["change", "delete", "history"]:
        for object_id in ODD_IDS:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{page}", args=[object_id])
            assert client.get(url).status_code < 500, url
            assert client.post(url, {"post": "yes"}).status_code < 500, url
    if hasattr(model, "history"):
        first = model._default_manager.first()
        object_id = str(first.pk) if first is not None else "1"
        for version_id in ODD_IDS:
            url = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_simple_history",
                args=[object_id, version_id],
            )
            assert client.get(url).status_code < 500, url


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m._meta.label)
def test_every_admin_form_is_a_site_form(superuser: User, model: type[Model]) -> None:
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = superuser
    assert issubclass(model_admin.get_form(request, None), SiteFormMixin)
    for inline in model_admin.get_inline_instances(request, None):
        assert issubclass(inline.get_formset(request, None).form, SiteFormMixin), inline


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m._meta.label)
def test_admin_forms_never_fail_on_odd_input(
    client: Any, filled: None, superuser: User, model: type[Model]
) -> None:
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = superuser
    first = model._default_manager.first()
    meta = model._meta
    targets: list[tuple[str, Model | None]] = [
        (reverse(f"admin:{meta.app_label}_{meta.model_name}_add"), None)
    ]
    if first is not None:
        change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
        targets.append((change, first))
    client.force_login(superuser)
    for url, obj in targets:
        form = model_admin.get_form(request, obj, change=obj is not None)(instance=obj)
        names = [form.add_prefix(name) for name in form.fields]
        management: dict[str, str] = {}
        for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
            prefix = formset.get_default_prefix()
            management = {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}

        _fuzz(client, url, names, management)


def _fuzz(client: Any, url: str, names: list[str], management: dict[str, str]) -> None:
    """Post odd values under ``names`` to the admin page ``url``: never a server error."""

    @settings(
        max_examples=3,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=values_for(names))
    def drive(data: dict[str, object]) -> None:
        with transaction.atomic():
            response = client.post(url, {**data, **management})
            assert response.status_code < 500, url
            transaction.set_rollback(True)

    drive()
