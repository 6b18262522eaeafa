"""Pieces shared by the guide views: finding the country's guide from the URL."""

from django.http import HttpRequest
from django.utils.translation import get_language

from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_by_iso3

from .. import selectors
from ..models import Guide


def country_and_guide(request: HttpRequest, iso3: str) -> tuple[Country, Guide]:
    """The guide chosen by ``?lang=``, else the one in the reader's language, else the first."""
    country = country_by_iso3(iso3)
    language = request.GET.get("lang") or request.POST.get("lang")
    return country, selectors.guide_for(country, language, preferred=get_language())
