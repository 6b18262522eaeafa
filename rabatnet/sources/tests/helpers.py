"""Helpers of the source-mapping tests."""

from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation
from rabatnet.sources.models import Area, Source


def _get(client, user, url: str, method: str = "get", data: dict | None = None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {})


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    return _get(client, user, url, method, data).status_code


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def _url(name: str, iso3: str = "SEN", **kwargs: object) -> str:
    return reverse(f"sources:{name}", kwargs={"iso3": iso3, **kwargs})


def _areas(*slugs: str) -> list[Area]:
    return list(Area.objects.filter(slug__in=slugs))


def _source(country: Country, entity: Organisation, name: str, *areas: str, **extra) -> Source:
    source = Source.objects.create(
        country=country,
        entity=entity,
        name=name,
        kind=extra.pop("kind", Source.Kind.CENSUS),
        periodicity=extra.pop("periodicity", Source.Periodicity.ANNUAL),
        access=extra.pop("access", Source.Access.PUBLIC),
        **extra,
    )
    source.areas.set(_areas(*areas))
    return source


def _form_data(organisation: Organisation, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "entity": organisation.pk,
        "name": "Enquête nationale sur la migration",
        "kind": Source.Kind.HOUSEHOLD_SURVEY,
        "areas": [a.pk for a in _areas("trends", "border-management")],
        "status": Source.Status.EXISTING,
        "periodicity": Source.Periodicity.MULTI_YEAR,
        "last_release": "2023",
        "access": Source.Access.PUBLIC,
        "contact": "",
        "description": "",
        "url": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
