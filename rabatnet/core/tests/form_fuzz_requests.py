"""The form fuzz's pages of technical support requests: filing, the edit while received, a
step, a version of the terms of reference, the private list's filters."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.support.models import SupportRequest
from rabatnet.support.request_forms import ActionForm, FilterForm, RequestForm, TermsForm
from rabatnet.support.tests.factories import make_request

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _request(w: World) -> SupportRequest:
    """A received request of Senegal's the pages post to (made on first use)."""
    found = SupportRequest.objects.filter(country__iso3="SEN").first()
    return found or make_request("SEN", actor=w.users["focal_point"])


def _url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"support:{name}", kwargs={"pk": _request(w).pk})


def _sen() -> Country:
    return Country.objects.get(iso3="SEN")


def request_posts() -> list[Post]:
    return [
        Post(
            RequestForm,
            lambda w: reverse("support:new", kwargs={"iso3": "SEN"}),
            "focal_point",
            lambda w: _names(RequestForm(country=_sen())),
            label="request-new",
        ),
        Post(
            RequestForm,
            _url("edit"),
            "focal_point",
            lambda w: _names(RequestForm(instance=_request(w), country=_sen())),
            label="request-edit",
        ),
        Post(ActionForm, _url("act"), "secretariat", lambda w: _names(ActionForm())),
        Post(
            ActionForm,
            _url("act"),
            "focal_point",
            lambda w: _names(ActionForm()),
            label="country",
        ),
        Post(TermsForm, _url("terms_new"), "secretariat", lambda w: _names(TermsForm())),
        Post(
            FilterForm,
            lambda w: reverse("support:list"),
            "secretariat",
            lambda w: _names(FilterForm()),
            method="get",
            label="support-list",
        ),
    ]
