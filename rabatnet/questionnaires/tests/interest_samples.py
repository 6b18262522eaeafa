"""Declarations for the interest tests and the URL walk: one function each."""

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation, Person
from rabatnet.network.tests import factories as f

from ..interest_services import interest_declare
from ..models import ExpressionOfInterest, Stakeholder
from ..stakeholder_services import stakeholder_identify


def institution(iso3: str = "SEN", name: str = "Ministère de l'Intérieur") -> Organisation:
    country = Country.objects.get(iso3=iso3)
    found = Organisation.objects.filter(name=name, country=country).first()
    return found or Organisation.objects.create(
        name=name, kind=Organisation.Kind.GOVERNMENT, country=country
    )


def person_of(iso3: str = "SEN", with_account: bool = True, **fields: object) -> Person:
    """A listed person of an institution of the country (with an account by default)."""
    values: dict[str, object] = {"organisation": institution(iso3), "language": "fr", **fields}
    if not with_account:
        values["user"] = None
    return f.PersonFactory.create(**values)


def declared(
    iso3: str = "SEN", language: str = "fr", by: User | None = None
) -> ExpressionOfInterest:
    return interest_declare(
        country=Country.objects.get(iso3=iso3),
        language=language,
        lead_institution=institution(iso3),
        coordinator=person_of(iso3),
        note="Note",
        actor=by,
    )


def with_stakeholder(interest: ExpressionOfInterest, with_account: bool = True) -> Stakeholder:
    return stakeholder_identify(
        interest=interest,
        organisation=institution(interest.country.iso3, "Agence nationale de la statistique"),
        person=person_of(interest.country.iso3, with_account=with_account),
        role="Produces the census",
        actor=None,
    )


def interest_samples() -> dict[str, dict[str, object]]:
    """Arguments of the interest URLs for the URL walk: Mali's declaration (Senegal's guide in
    the walk is the published one the public pages show)."""
    interest = declared("MLI", "fr")
    stakeholder = with_stakeholder(interest)
    step: dict[str, object] = {"pk": interest.pk, "stakeholder": stakeholder.pk}
    one: dict[str, object] = {"pk": interest.pk}
    return {
        "interest:declare": {"iso3": "SEN"},
        "interest:detail": one,
        "interest:edit": one,
        "interest:acknowledge": one,
        "interest:withdraw": one,
        "interest:stakeholder_add": one,
        "interest:stakeholder_invite": step,
        "interest:stakeholder_remove": step,
        "interest:invitation": {"token": "made-up-token"},
    }
