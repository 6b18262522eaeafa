"""The demo follow-up: a closed cycle and an open one, assessments in varied states, a few
initiatives. All example content (``example=True``), marked so on every page; the texts are
made up and say so: they state no real fact about any country.

Safe to run again: what is already there (by slug, by country and objective, by title) is
left as it is.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Framework, Objective

from .models import Assessment, Cycle, Initiative
from .models.initiatives import ReviewState

FRAMEWORK = "dakar-strategy"
SECRETARIAT = "secretariat@demo.rabatnet.org"
A, IP, PL, NS, NA = "achieved", "in_progress", "planned", "not_started", "not_applicable"
V, S, R, D = ReviewState.VERIFIED, ReviewState.SUBMITTED, ReviewState.RETURNED, ReviewState.DRAFT


class CycleSpec(NamedTuple):
    slug: str
    title_en: str
    title_fr: str
    opens_on: date
    deadline: date
    closed: date | None
    # Example cycles another demo loader may have made first (load_demo_cycles): used instead
    # of adding a second example cycle for the same year.
    reuse: tuple[str, ...] = ()


CYCLES = [
    CycleSpec(
        "2025-follow-up-example",
        "2025 follow-up (example)",
        "Suivi 2025 (exemple)",
        date(2025, 2, 3),
        date(2025, 6, 30),
        date(2025, 7, 15),
        ("demo-2025",),
    ),
    CycleSpec(
        "2026-follow-up-example",
        "2026 follow-up (example)",
        "Suivi 2026 (exemple)",
        date(2026, 9, 1),
        date(2027, 1, 31),
        None,
        ("demo-2026",),
    ),
]
# Per cycle and country: objective -> (self-assessed status, state, verified status).
ASSESSMENTS: dict[str, dict[str, dict[int, tuple[str, str, str]]]] = {
    "2025-follow-up-example": {
        "SEN": {
            1: (PL, V, PL),
            2: (IP, V, IP),
            3: (PL, V, NS),
            4: (IP, V, IP),
            5: (PL, V, PL),
            6: (NS, V, NS),
            7: (IP, V, PL),
            8: (PL, V, PL),
            9: (NS, V, NS),
            10: (IP, V, IP),
        },
        "MLI": {
            1: (NS, V, NS),
            2: (PL, V, PL),
            3: (PL, V, PL),
            4: (IP, V, IP),
            5: (IP, V, PL),
            6: (PL, V, PL),
            7: (NS, V, NS),
            8: (PL, V, NS),
            9: (NA, V, NA),
            10: (PL, V, PL),
        },
        "GHA": {
            1: (IP, V, IP),
            2: (PL, V, PL),
            3: (PL, V, PL),
            4: (NS, V, NS),
            5: (PL, V, PL),
            6: (IP, V, PL),
        },
        "ESP": {
            1: (A, V, A),
            2: (IP, V, IP),
            3: (IP, V, IP),
            4: (A, V, IP),
            5: (IP, V, IP),
            6: (IP, V, IP),
            7: (A, V, A),
            8: (IP, V, IP),
            9: (IP, R, ""),
        },
    },
    "2026-follow-up-example": {
        "SEN": {
            1: (IP, V, IP),
            2: (A, V, IP),
            3: (PL, V, PL),
            4: (IP, V, IP),
            5: (NS, V, NS),
            6: (PL, S, ""),
            7: (IP, S, ""),
            8: (IP, S, ""),
        },
        "MLI": {
            1: (PL, V, PL),
            2: (PL, V, PL),
            3: (IP, V, IP),
            4: (IP, V, IP),
            5: (IP, R, ""),
            6: (PL, D, ""),
        },
        "GHA": {1: (IP, S, ""), 2: (IP, S, ""), 3: (PL, S, "")},
        "ESP": {
            1: (A, V, A),
            2: (A, V, IP),
            3: (IP, V, IP),
            4: (A, V, A),
            5: (IP, V, IP),
            6: (NA, V, NA),
        },
    },
}
NARRATIVES = {
    NS: "Example text: no measure has been taken on this objective yet; the matter is to be "
    "raised with the ministries concerned.",
    PL: "Example text: an inter-ministerial working group has drawn up a plan for this "
    "objective; its first measures are scheduled for next year.",
    IP: "Example text: measures under this objective are being carried out, with a pilot in "
    "two regions and a first review planned.",
    A: "Example text: the planned measures for this objective have been completed and are "
    "now part of the regular work of the administration.",
    NA: "Example text: this objective does not concern the country's situation.",
}
RETURN_REASON = "Example: please add the source for the measures described."
NOTE = "Example note: the secretariat checked the sources given with the assessment."
INITIATIVES = [
    (
        "SEN",
        V,
        [1, 10],
        "Example: a training course on migration data for regional officials",
        "Exemple : une formation aux données migratoires pour des agents régionaux",
    ),
    (
        "MLI",
        V,
        [4],
        "Example: information points on safe travel in three border towns",
        "Exemple : des points d'information sur les voyages sûrs dans trois villes frontalières",
    ),
    (
        "ESP",
        V,
        [2, 3],
        "Example: a mentoring scheme for young graduates between two cities",
        "Exemple : un programme de parrainage de jeunes diplômés entre deux villes",
    ),
    (
        "GHA",
        S,
        [5],
        "Example: a reception guide for returning nationals",
        "Exemple : un guide d'accueil pour les ressortissants de retour",
    ),
    (
        "SEN",
        D,
        [6],
        "Example: a study of remittance costs (draft)",
        "Exemple : une étude du coût des transferts de fonds (brouillon)",
    ),
]
SUMMARY = (
    "Fictitious initiative, made up to show how the follow-up works; it describes no real project."
)


class DemoPrerequisiteMissing(RuntimeError):
    """The Dakar framework (load_reference) or the demo accounts (load_demo) are missing."""


@dataclass
class Loaded:
    cycles: int = 0
    assessments: int = 0
    initiatives: int = 0


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _assessment(
    cycle: Cycle, country: Country, objective: Objective, entry: tuple[str, str, str], by: User
) -> bool:
    self_status, state, verified_status = entry
    verified = state == ReviewState.VERIFIED
    _obj, created = Assessment.objects.get_or_create(
        cycle=cycle,
        country=country,
        objective=objective,
        defaults={
            "self_status": self_status,
            "narrative": NARRATIVES[self_status],
            "verified_status": verified_status,
            "verification_note": NOTE if verified else "",
            "review_state": state,
            "return_reason": RETURN_REASON if state == ReviewState.RETURNED else "",
            "submitted_at": None if state == ReviewState.DRAFT else _moment(cycle.opens_on),
            "verified_at": _moment(cycle.deadline) if verified else None,
            "verified_by": by if verified else None,
            "example": True,
        },
    )
    return created


def _initiative(iso3: str, state: str, numbers: list[int], en: str, fr: str, by: User) -> bool:
    if Initiative.objects.filter(example=True, title_en=en).exists():
        return False
    verified = state == ReviewState.VERIFIED
    initiative = Initiative(
        country=Country.objects.get(iso3=iso3),
        kind=Initiative.Kind.PROJECT,
        title_en=en,
        title_fr=fr,
        summary_en=SUMMARY,
        status=Initiative.Status.ONGOING,
        review_state=state,
        submitted_at=None if state == ReviewState.DRAFT else timezone.now(),
        verified_at=timezone.now() if verified else None,
        verified_by=by if verified else None,
        example=True,
    )
    initiative.save()
    initiative.objectives.set(
        Objective.objects.filter(framework__slug=FRAMEWORK, number__in=numbers)
    )
    return True


@transaction.atomic
def load_demo_followup() -> Loaded:
    framework = Framework.objects.filter(slug=FRAMEWORK).first()
    secretariat = User.objects.filter(email=SECRETARIAT).first()
    if framework is None or secretariat is None:
        raise DemoPrerequisiteMissing
    objectives = {o.number: o for o in Objective.objects.filter(framework=framework)}
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=["SEN", "MLI", "GHA", "ESP"])}
    loaded = Loaded()
    for spec in CYCLES:
        existing = Cycle.objects.filter(slug__in=spec.reuse, example=True).first()
        cycle, created = (
            (existing, False)
            if existing
            else Cycle.objects.get_or_create(
                slug=spec.slug,
                defaults={
                    "framework": framework,
                    "title_en": spec.title_en,
                    "title_fr": spec.title_fr,
                    "opens_on": spec.opens_on,
                    "deadline": spec.deadline,
                    "closed_at": _moment(spec.closed) if spec.closed else None,
                    "example": True,
                },
            )
        )
        loaded.cycles += created
        for iso3, entries in ASSESSMENTS[spec.slug].items():
            for number, entry in entries.items():
                loaded.assessments += _assessment(
                    cycle, countries[iso3], objectives[number], entry, secretariat
                )
    for iso3, state, numbers, en, fr in INITIATIVES:
        loaded.initiatives += _initiative(iso3, state, numbers, en, fr, secretariat)
    return loaded
