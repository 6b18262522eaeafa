"""Who may read a country's private follow-up report (and diff), and the helper that checks.

The public report and diff show verified assessments only: anybody. The private ones show
the unverified assessments too (drafts, submitted, returned): the secretariat and anybody
appointed for the country, nobody else.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, parse_iso3
from rabatnet.countries.models import Country
from rabatnet.network.permissions import view_country_area


def can_read_followup_report(user: AnyUser, country: Country) -> bool:
    """Anybody: the public report holds published (verified) data only."""
    return True


def can_view_followup_report(user: AnyUser, country: Country) -> bool:
    """The secretariat and the country's own members: the fuller, private report."""
    return bool(view_country_area.test(user, country))


REPORT_RULES = {"read": can_read_followup_report, "view": can_view_followup_report}


def access_followup_report(request: HttpRequest, iso3: str, verb: str) -> Country:
    """The country whose report the visitor may "read" (public) or "view" (private)."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    return check(request, REPORT_RULES, verb, country)
