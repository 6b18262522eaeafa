"""Reads of support requests: what a user may list, a request's timeline, its terms of
reference with what changed between versions."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser
from rabatnet.core.markdown import render_markdown
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_choices
from rabatnet.followup.diff import narrative_diff
from rabatnet.network.permissions import appointments_in_force, is_secretariat

from .models import StageEvent, SupportRequest, TermsOfReference
from .permissions import READERS, REQUESTERS
from .request_forms import Filters


def _countries_with(user: AnyUser, roles: tuple[str, ...]) -> list[Country]:
    seen: dict[int, Country] = {}
    for appointment in appointments_in_force(user):
        if appointment.country is not None and appointment.role in roles:
            seen.setdefault(appointment.country.pk, appointment.country)
    return sorted(seen.values(), key=lambda c: c.name)


def reader_countries(user: AnyUser) -> list[Country]:
    """The countries whose requests the user reads as one of their people."""
    return _countries_with(user, READERS)


def filing_countries(user: AnyUser) -> list[Country]:
    """The countries the user may file a request for (every country for the secretariat)."""
    if is_secretariat.test(user):
        return list(country_choices())
    return _countries_with(user, REQUESTERS)


def visible_requests(user: AnyUser) -> QuerySet[SupportRequest]:
    """Every request for the secretariat; its countries' for a country's people; else none."""
    requests = SupportRequest.objects.select_related("country", "theme")
    if is_secretariat.test(user):
        return requests
    if not isinstance(user, User):
        return requests.none()
    return requests.filter(country__in=[c.pk for c in reader_countries(user)])


def filtered(requests: QuerySet[SupportRequest], filters: Filters) -> QuerySet[SupportRequest]:
    if filters.stage:
        requests = requests.filter(stage=filters.stage)
    if filters.country is not None:
        requests = requests.filter(country=filters.country)
    if filters.kind:
        requests = requests.filter(kind=filters.kind)
    if filters.year is not None:
        requests = requests.filter(filed_at__year=filters.year)
    return requests


def one(pk: int) -> SupportRequest:
    """The request with what its page shows."""
    return (
        SupportRequest.objects.select_related("country", "theme", "filed_by")
        .prefetch_related("objectives", "initiatives")
        .get(pk=pk)
    )


def timeline(request: SupportRequest) -> QuerySet[StageEvent]:
    return request.events.select_related("by").order_by("at", "pk")


@dataclass(frozen=True)
class TermsVersion:
    terms: TermsOfReference
    html: SafeString
    # Against the previous version, words removed and added highlighted (escaped HTML).
    removed_html: SafeString | None
    added_html: SafeString | None

    @property
    def number(self) -> int:
        return self.terms.number


def terms_versions(request: SupportRequest) -> list[TermsVersion]:
    """Every version, newest first, each with its changes against the one before."""
    versions = list(request.terms.select_related("created_by", "agreed_by").order_by("number"))
    out: list[TermsVersion] = []
    previous: TermsOfReference | None = None
    for terms in versions:
        removed = added = None
        if previous is not None:
            removed, added = narrative_diff(previous.text, terms.text)
        html = mark_safe(render_markdown(terms.text))  # noqa: S308  (sanitised by nh3)
        out.append(TermsVersion(terms, html, removed, added))
        previous = terms
    return list(reversed(out))
