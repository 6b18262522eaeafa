"""Reads for countries and the dialogue's membership."""

import re
import unicodedata
from collections import Counter

from django.db.models import Case, Count, Prefetch, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Country, Membership


def _with_memberships(qs: QuerySet[Country]) -> QuerySet[Country]:
    return qs.prefetch_related(Prefetch("memberships", queryset=Membership.objects.chronological()))


def name_sort_key(country: Country) -> str:
    """Alphabetical in the current language: 'Bénin' sorts with 'Benin', not after 'Z'."""
    decomposed = unicodedata.normalize("NFKD", country.name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def member_countries() -> list[Country]:
    """Every country with a membership, past or present, by name in the current language."""
    return sorted(_with_memberships(Country.objects.members()), key=name_sort_key)


def members_by_group() -> dict[str, list[Country]]:
    """Current members split as the list page shows them: partners by side, observers, former."""
    groups: dict[str, list[Country]] = {
        "european": [],
        "african": [],
        "observer": [],
        "former_partner": [],
    }
    for country in member_countries():
        membership = country.current_membership()
        if membership is None:
            continue
        if membership.status == Membership.Status.PARTNER:
            groups[membership.side].append(country)
        else:
            groups[membership.status].append(country)
    return groups


def membership_counts() -> Counter[str]:
    """Current members per group (keys as in ``members_by_group``), in one query."""
    counts: Counter[str] = Counter()
    rows = (
        Membership.objects.filter(ended_year__isnull=True)
        .values_list("status", "side")
        .annotate(n=Count("pk"))
    )
    for status, side, n in rows:
        counts[side if status == Membership.Status.PARTNER else status] += n
    return counts


def country_by_iso3(iso3: str) -> Country:
    """The country, or 404; a code that cannot be one (e.g. with a NUL byte) never reaches SQL."""
    if not re.fullmatch(r"[A-Za-z]{3}", iso3):
        raise Http404("Not a country code.")
    return get_object_or_404(_with_memberships(Country.objects.all()), iso3=iso3.upper())


def country_choices() -> QuerySet[Country]:
    """Countries a post can be held for: current partners and observers.

    In the order of ``member_countries`` (``name_sort_key``, active language): SQL sorts
    "Bénin" after "Burkina Faso". The order is fixed by position, so call this when the
    form is built, in the language of the request.
    """
    pks = [c.pk for c in sorted(Country.objects.taking_part(), key=name_sort_key)]
    if not pks:
        return Country.objects.none()
    position = Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(pks)))
    return Country.objects.filter(pk__in=pks).order_by(position)
