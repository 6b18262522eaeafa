"""The demo of the guide's making (example content): Mali, which has no guide in the demo,
declares its interest; the secretariat acknowledges; stakeholders are identified (one joined
the workgroup, one invited, one identified); the standard questionnaire ``rabatnet_sources``
is run with three departments (one submitted web response, one saved draft, one not
opened), its rows proposed as candidates (one accepted into the draft, one pending, one
rejected); a national workshop is held and its outcomes proposed as candidates.

Everything goes through the real services where they exist (``interest_declare``,
``stakeholder_*``, ``candidate_propose``, ``guide_follows``); the rest is plain model
creation. Idempotent: each part is looked for first and left alone when it is there, so a
second run adds nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.guides.models import Guide
from rabatnet.network.models import Organisation, Person

from . import demo_answers
from .interest_services import interest_acknowledge, interest_declare
from .models import ExpressionOfInterest, Stakeholder
from .stakeholder_services import stakeholder_answer, stakeholder_identify, stakeholder_invite

ISO3 = "MLI"
LANGUAGE = "fr"
DOMAIN = "@demo.rabatnet.org"
DECLARER = f"focal.mli{DOMAIN}"
SECRETARIAT = f"secretariat{DOMAIN}"

INSTITUTIONS = [
    ("Ministère des Maliens de l'Extérieur (exemple)", "government"),
    ("Institut national de la statistique (exemple)", "government"),
    ("Direction générale de la police des frontières (exemple)", "government"),
    ("Observatoire des migrations, Université de Bamako (exemple)", "academic"),
]
COORDINATOR = ("Coordinatrice du guide (exemple)", f"coordination.mli{DOMAIN}", 0)
STAKEHOLDERS = [
    # (name, e-mail, institution index, why, what becomes of them)
    ("Statisticien (exemple)", f"stats.mli{DOMAIN}", 1, "Produit le recensement", "joined"),
    ("Commissaire (exemple)", f"frontieres.mli{DOMAIN}", 2, "Tient les registres", "invited"),
    ("Chercheuse (exemple)", f"recherche.mli{DOMAIN}", 3, "Étudie les retours", "identified"),
]


class DemoPrerequisiteMissing(Exception):
    """The demo accounts (``load_demo``) are not there."""


@dataclass
class Loaded:
    messages: list[str] = field(default_factory=list)

    def say(self, message: str) -> None:
        self.messages.append(message)


def _user(email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        raise DemoPrerequisiteMissing(email)
    return user


def _institution(country: Country, index: int) -> Organisation:
    name, kind = INSTITUTIONS[index]
    found, _created = Organisation.objects.get_or_create(
        name=name, country=country, defaults={"kind": kind}
    )
    return found


def _person(name: str, email: str, organisation: Organisation) -> Person:
    found, _created = Person.objects.get_or_create(
        email=email,
        defaults={"full_name": name, "organisation": organisation, "language": "fr"},
    )
    return found


def _interest(country: Country, loaded: Loaded) -> ExpressionOfInterest | None:
    """Mali's declaration, made once; None if Mali has a guide in French that is not ours."""
    found = ExpressionOfInterest.objects.filter(country=country, guide__language=LANGUAGE).first()
    if found is not None:
        loaded.say("Expression of interest of Mali: already there, left as it was.")
        return found if found.is_example else None
    if Guide.objects.filter(country=country, language=LANGUAGE).exists():
        loaded.say("Mali already has a guide in French that is no demo: nothing added.")
        return None
    declarer = _user(DECLARER)
    coordinator = _person(COORDINATOR[0], COORDINATOR[1], _institution(country, COORDINATOR[2]))
    interest = interest_declare(
        country=country,
        language=LANGUAGE,
        lead_institution=_institution(country, 0),
        coordinator=coordinator,
        note="Exemple : le Mali souhaite un guide en français, piloté par son ministère.",
        actor=declarer,
        is_example=True,
    )
    interest = interest_acknowledge(interest=interest, actor=_user(SECRETARIAT))
    for name, email, index, why, fate in STAKEHOLDERS:
        organisation = _institution(country, index)
        stakeholder = stakeholder_identify(
            interest=interest,
            organisation=organisation,
            person=_person(name, email, organisation),
            role=why,
            actor=declarer,
            is_example=True,
        )
        if fate in ("joined", "invited"):
            stakeholder = stakeholder_invite(stakeholder=stakeholder, actor=declarer)
        if fate == "joined":
            stakeholder_answer(stakeholder=stakeholder, accept=True)
    loaded.say(
        "Expression of interest of Mali (example): declared, acknowledged, "
        f"{Stakeholder.objects.filter(guide=interest.guide).count()} stakeholders."
    )
    return interest


def load_demo_questionnaires(*, say: Callable[[str], None] = print) -> Loaded:
    """Load every part that is not there yet (one transaction); what was done, in words."""
    loaded = Loaded()
    with transaction.atomic():
        country = Country.objects.get(iso3=ISO3)
        interest = _interest(country, loaded)
        if interest is not None:
            declarer = _user(DECLARER)
            demo_answers.load_sources(interest.guide, declarer, loaded.say)
            demo_answers.load_workshop(interest.guide, declarer, loaded.say)
    for message in loaded.messages:
        say(message)
    return loaded
