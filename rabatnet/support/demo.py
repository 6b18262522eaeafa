"""The demo roster and demo requests (example content, ``example=True``, marked so on every
page): fourteen experts (``demo_roster``) and 26 requests (``demo_requests``) walked through
the real services (``request_file``, ``request_advance``) at backdated times.

Safe to run again: an expert already on file (by e-mail) and a request already there (an
example request of the same title) are left as they are, and counted as such.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.confirmation import person_details_confirm
from rabatnet.network.management.commands.load_demo import DEMO_PASSWORD
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.services import appointment_create, person_create, person_with_account_create
from rabatnet.strategy.models import Framework, Objective, Theme

from . import lifecycle as lc
from .demo_files import save_report
from .demo_requests import (
    DECLINE_REASON,
    NOTE,
    REOPEN_REASON,
    REOPENED,
    WITHDRAW_REASON,
    RequestSpec,
)
from .demo_requests_recent import REQUESTS
from .demo_roster import EXPERT_LOGIN, EXPERTS, ExpertSpec
from .demo_schedule import plan, reach, schedule
from .models import (
    Appraisal,
    Availability,
    Evaluation,
    Expert,
    Mission,
    Proposal,
    Stage,
    SupportRequest,
    TermsOfReference,
)
from .services import request_advance, request_file

FRAMEWORK = "dakar-strategy"
SECRETARIAT = "secretariat@demo.rabatnet.org"
# Who speaks for a country in the demo (the others: the secretariat records on its behalf).
Moments = dict[str, datetime]
SPEAKERS = {"SEN": "focal.sen@demo.rabatnet.org", "MLI": "focal.mli@demo.rabatnet.org"}
RATINGS = [(5, 4, 4, 5), (4, 4, 3, 4), (5, 5, 4, 4), (3, 4, 2, 4), (4, 5, 5, 5)]


class DemoPrerequisiteMissing(RuntimeError):
    """The Dakar framework (load_reference) or the demo accounts (load_demo) are missing."""


class DemoConflict(RuntimeError):
    """An example request of the same title is on file for another country or kind: the
    demo on file is not this one, and is not mixed with it."""


@dataclass
class Loaded:
    experts: int = 0
    requests: int = 0
    kept: int = 0  # already there, left as they were


@dataclass
class Context:
    now: datetime
    secretariat: User
    speakers: dict[str, User]
    objectives: dict[int, Objective]
    themes: dict[str, Theme]
    experts: dict[str, Expert]

    def speaker(self, iso3: str) -> User:
        return self.speakers.get(iso3, self.secretariat)


# --- The roster ------------------------------------------------------------------------


def _person(spec: ExpertSpec) -> Person:
    if spec.email == EXPERT_LOGIN:  # the roster account that signs in, as load_demo makes them
        person = person_with_account_create(
            email=spec.email, full_name=spec.name, role=Role.EXPERT, password=DEMO_PASSWORD
        )
        if person.details_confirmed_at is None:
            person_details_confirm(person=person, at=timezone.now())
        return person
    person = Person.objects.filter(email=spec.email).first() or person_create(
        full_name=spec.name, email=spec.email, working_languages=" ".join(spec.languages)
    )
    if not Appointment.objects.current().filter(person=person, role=Role.EXPERT).exists():
        appointment_create(person=person, role=Role.EXPERT)
    return person


def _expert(spec: ExpertSpec, ctx: Context) -> bool:
    person = _person(spec)
    existing = Expert.objects.filter(person=person).first()
    key = spec.email.split("@")[0]
    if existing is not None:
        ctx.experts[key] = existing
        return False
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=spec.experience)}
    expert = Expert.objects.create(
        person=person,
        kind=spec.kind,
        nationality=Country.objects.get(iso3=spec.nationality),
        local_expertise=spec.local_expertise,
        kinds=list(spec.kinds),
        languages=list(spec.languages),
        summary=spec.summary + NOTE,
        daily_rate=Decimal(spec.daily_rate),
        rate_currency="EUR",
        example=True,
    )
    expert.countries_of_experience.set(countries.values())
    expert.objectives.set([ctx.objectives[n] for n in spec.objectives])
    expert.themes.set([ctx.themes[slug] for slug in spec.themes])
    today = ctx.now.date()
    Availability.objects.bulk_create(
        Availability(
            expert=expert,
            starts_on=today + timedelta(days=first),
            ends_on=today + timedelta(days=last),
            note="Example period",
        )
        for first, last in spec.available
    )
    ctx.experts[key] = expert
    return True


# --- A request's life ------------------------------------------------------------------


def _terms(request: SupportRequest, spec: RequestSpec, ctx: Context, m: Moments) -> None:
    for number in range(1, spec.tor_versions + 1):
        last = number == spec.tor_versions
        TermsOfReference.objects.create(
            request=request,
            number=number,
            text=(
                f"## Terms of reference, version {number} (example)\n\n"
                f"**Objective.** {spec.needs}\n\n**Deliverables.** A report with "
                f"recommendations; the material used.{NOTE}"
            ),
            created_at=m[f"tor{number}"],
            created_by=ctx.secretariat,
            agreed_at=m["agreed"] if last else None,
            agreed_by=ctx.speaker(spec.iso3) if last else None,
        )


def _proposals(
    request: SupportRequest, spec: RequestSpec, ctx: Context, m: Moments, answered: bool
) -> None:
    for rank, key in enumerate(spec.experts, start=1):
        status = Proposal.Status.ASKED
        if answered:
            status = Proposal.Status.ACCEPTED if rank == 1 else Proposal.Status.DECLINED
        Proposal.objects.create(
            request=request,
            expert=ctx.experts[key],
            rank=rank,
            score=Decimal(50 + _objective_points(rank)),
            reasons=[  # as the matching explains a rank: factor, points, in words
                {"factor": "kind", "points": "30", "text": "Offers this kind of support."},
                {
                    "factor": "objectives",
                    "points": str(_objective_points(rank)),
                    "text": "Objectives of the request in their expertise (example).",
                },
                {"factor": "languages", "points": "20", "text": "Speaks every language asked."},
            ],
            status=status,
            token=_token(),
            proposed_at=m["proposed"],
            proposed_by=ctx.secretariat,
            asked_at=m["asked"],
            answered_at=(m["accepted"] if rank == 1 else m["declined"]) if answered else None,
            answer_note="" if not answered or rank == 1 else "Example: not free on those dates.",
        )


def _objective_points(rank: int) -> int:
    return max(0, 30 - 10 * rank)


def _token() -> str:
    return secrets.token_urlsafe(32)


def _evaluation(
    request: SupportRequest, spec: RequestSpec, ctx: Context, m: Moments, index: int
) -> None:
    relevance, quality, timeliness, usefulness = RATINGS[index % len(RATINGS)]
    Evaluation.objects.create(
        request=request,
        relevance=relevance,
        quality=quality,
        timeliness=timeliness,
        usefulness=usefulness,
        comment="Example evaluation: the participants asked for a follow-up session.",
        submitted_at=m["evaluated"],
        submitted_by=ctx.speaker(spec.iso3),
    )


def _walk(request: SupportRequest, spec: RequestSpec, ctx: Context, m: Moments, index: int) -> None:
    """Take the request along its path up to where the spec leaves it."""
    far, boss = reach(spec), ctx.secretariat

    def advance(
        action: str, actor: User = boss, reason: str = "", at: datetime | None = None
    ) -> None:
        request_advance(
            request=request, action=action, actor=actor, reason=reason, at=at or m[action]
        )

    if spec.end == REOPENED:  # declined once, reopened, then worked on again from the start
        advance(lc.ACKNOWLEDGE)
        advance(lc.DECLINE, reason=DECLINE_REASON)
        reopened = ctx.now - timedelta(days=30)
        advance(lc.REOPEN, reason=REOPEN_REASON, at=reopened)
        m = plan(spec, reopened - timedelta(days=3))  # the ToR follow the reopening
        _terms(request, spec, ctx, m)
        advance(lc.SCOPE, at=m[lc.SCOPE])
        return
    if far >= 1:
        advance(lc.ACKNOWLEDGE)
    if far >= 2:
        _terms(request, spec, ctx, m)
        advance(lc.SCOPE, actor=boss)
    if far >= 3:
        _proposals(request, spec, ctx, m, answered=far >= 4)
        advance(lc.MATCH)
    if far >= 4:
        advance(lc.APPROVE)
    if far >= 5:
        mission = Mission.objects.create(
            request=request,
            starts_on=m[lc.DEPLOY].date(),
            ends_on=m["mission_end"].date(),
            place=f"{request.country.name} (example)",
        )
        advance(lc.DEPLOY)
    if far >= 6:
        save_report(mission, at=m[lc.REPORT], by=boss, title=spec.title)
        advance(lc.REPORT)
    if far >= 7:
        _evaluation(request, spec, ctx, m, index)
        Appraisal.objects.create(
            request=request,
            expert=ctx.experts[spec.experts[0]],
            rating=4 + index % 2,
            comment="Example appraisal: well prepared, clear report, delivered on time.",
            written_at=m["appraised"],
            written_by=boss,
        )
        advance(lc.EVALUATE, actor=ctx.speaker(spec.iso3))
    if far >= 8:
        advance(lc.CLOSE)
    if spec.end == Stage.DECLINED:
        advance(lc.DECLINE, reason=DECLINE_REASON)
    elif spec.end == Stage.WITHDRAWN:
        advance(lc.WITHDRAW, actor=ctx.speaker(spec.iso3), reason=WITHDRAW_REASON)


def _request(spec: RequestSpec, ctx: Context, index: int) -> bool:
    existing = SupportRequest.objects.filter(example=True, title=spec.title).first()
    if existing is not None:
        if (existing.country.iso3, existing.kind) != (spec.iso3, spec.kind):
            raise DemoConflict(existing.reference, existing.title)
        return False
    m = schedule(spec, ctx.now)
    mission_day = m[lc.DEPLOY].date()
    if spec.end == REOPENED or (reach(spec) < 5 and not spec.ended_from):
        mission_day = max(mission_day, ctx.now.date() + timedelta(days=35))  # still to come
    request = SupportRequest(
        country=Country.objects.get(iso3=spec.iso3),
        title=spec.title,
        kind=spec.kind,
        theme=ctx.themes[spec.theme],
        needs=spec.needs + NOTE,
        beneficiary_institution=spec.institution,
        preferred_start=mission_day - timedelta(days=3),
        preferred_end=mission_day + timedelta(days=spec.duration + 10),
        duration_days=spec.duration,
        participants=spec.participants,
        languages=list(spec.languages),
        public=spec.public,
        example=True,
    )
    objectives = [ctx.objectives[n] for n in spec.objectives]
    request_file(request=request, objectives=objectives, actor=ctx.speaker(spec.iso3), at=m["file"])
    _walk(request, spec, ctx, m, index)
    return True


def _context() -> Context:
    framework = Framework.objects.filter(slug=FRAMEWORK).first()
    secretariat = User.objects.filter(email=SECRETARIAT).first()
    speakers = {iso3: User.objects.filter(email=email).first() for iso3, email in SPEAKERS.items()}
    if framework is None or secretariat is None or None in speakers.values():
        raise DemoPrerequisiteMissing
    return Context(
        now=timezone.now(),
        secretariat=secretariat,
        speakers={iso3: user for iso3, user in speakers.items() if user is not None},
        objectives={o.number: o for o in Objective.objects.filter(framework=framework)},
        themes={t.slug: t for t in Theme.objects.filter(framework=framework)},
        experts={},
    )


STEPS = len(EXPERTS) + len(REQUESTS)


@transaction.atomic
def load_demo_support(step: Callable[[], object] = lambda: None) -> Loaded:
    """Add the demo roster and requests; ``step`` is called after each expert and request
    (a progress bar)."""
    ctx = _context()
    loaded = Loaded()
    for spec in EXPERTS:
        added = _expert(spec, ctx)
        loaded.experts += added
        loaded.kept += not added
        step()
    for index, request_spec in enumerate(REQUESTS):
        added = _request(request_spec, ctx, index)
        loaded.requests += added
        loaded.kept += not added
        step()
    return loaded
