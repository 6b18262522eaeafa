"""A verified initiative of Senegal and a contributor: sample URLs for the URL walk."""

from rabatnet.countries.models import Country
from rabatnet.followup.models import Contributor
from rabatnet.network.tests import factories as f

from .initiative_fixtures import verified


def initiative_samples() -> dict[str, dict[str, object]]:
    initiative = verified("SEN")
    contributor = Contributor.objects.create(
        country=Country.objects.get(iso3="SEN"), person=f.PersonFactory.create()
    )
    one: dict[str, object] = {"pk": initiative.pk}
    sen: dict[str, object] = {"iso3": "SEN"}
    return {
        "initiatives:detail": one,
        "initiatives:private_detail": one,
        "initiatives:edit": one,
        "initiatives:submit": one,
        "initiatives:verify": one,
        "initiatives:return": one,
        "initiatives:history": one,
        "initiatives:country_list": sen,
        "initiatives:create": sen,
        "initiatives:contributors": sen,
        "initiatives:contributor_end": {"pk": contributor.pk},
        "api:get_initiative": {"initiative_id": initiative.pk},
    }
