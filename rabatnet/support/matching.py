"""Which experts of the roster suit a request, in which order, and why (no writes).

Hard filters first, each excluded expert listed with the reason: not on the roster, not
available on every requested day, a conflict of interest (an expert is never proposed to
their own country's authorities unless flagged "local expertise"), already proposed. The
others are scored, each factor with its points and a sentence (kept in ``Proposal.reasons``),
and ordered by score (highest first), then lighter workload, then name, then key.

``rank`` works on plain facts (``ExpertFacts``, ``RequestFacts``) so that it can be tested
on any roster; ``rank_experts`` reads those facts from the database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Avg, Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .expert_selectors import roster
from .models import ENDED_STAGES, Appraisal, Expert, Proposal, SupportRequest

# Points of each factor (the page and the reasons say them).
KIND_POINTS = Decimal(30)
OBJECTIVE_POINTS = Decimal(10)  # per objective in common
THEME_POINTS = Decimal(15)
LANGUAGES_FULL = Decimal(20)
LANGUAGES_PARTIAL = Decimal(10)
COUNTRY_POINTS = Decimal(15)
REGION_POINTS = Decimal(5)
ACCEPTED_PENALTY = Decimal(5)  # per accepted proposal on a request not ended
MISSION_PENALTY = Decimal(3)  # per mission that started in the last 365 days
RECENT_DAYS = 365


@dataclass(frozen=True)
class RequestFacts:
    pk: int
    country_id: int
    region: str  # the country's subregion (else region), "" if unknown
    kind: str
    theme_id: int | None
    objective_ids: frozenset[int]
    languages: tuple[str, ...]
    dates: tuple[date, date] | None


@dataclass(frozen=True)
class ExpertFacts:
    pk: int
    name: str
    on_roster: bool
    nationality_id: int | None
    local_expertise: bool
    kinds: frozenset[str]
    languages: frozenset[str]
    objective_ids: frozenset[int]
    theme_ids: frozenset[int]
    experience_ids: frozenset[int]
    experience_regions: frozenset[str]
    periods: tuple[tuple[date, date], ...]
    proposed_status: str = ""  # the status of this expert's proposal for the request, if any
    accepted_open: int = 0
    recent_missions: int = 0
    appraisal_average: Decimal | None = None


@dataclass(frozen=True)
class Factor:
    code: str
    points: Decimal
    text: str

    def as_json(self) -> dict[str, str]:
        return {"factor": self.code, "points": str(self.points), "text": self.text}


@dataclass(frozen=True)
class Candidate:
    facts: ExpertFacts
    factors: tuple[Factor, ...]
    expert: Expert | None = None

    @property
    def score(self) -> Decimal:
        return sum((f.points for f in self.factors), Decimal(0)).quantize(Decimal("0.01"))

    @property
    def workload(self) -> int:
        return self.facts.accepted_open + self.facts.recent_missions

    def reasons(self) -> list[dict[str, str]]:
        return [f.as_json() for f in self.factors]


@dataclass(frozen=True)
class Excluded:
    facts: ExpertFacts
    code: str
    reason: str
    expert: Expert | None = None


@dataclass
class Ranking:
    dates: tuple[date, date] | None
    dates_note: str
    ranked: list[Candidate] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)


def requested_dates(request: SupportRequest) -> tuple[date, date] | None:
    """preferred_start..preferred_end, else preferred_start + duration_days - 1, else the one
    day given; None when no date was asked."""
    start, end = request.preferred_start, request.preferred_end
    if start is None:
        return (end, end) if end is not None else None
    if end is None:
        days = request.duration_days or 1
        end = start + timedelta(days=days - 1)
    return start, end


def covers(periods: Iterable[tuple[date, date]], dates: tuple[date, date]) -> bool:
    """Whether the union of the periods (both days included) holds every day of ``dates``."""
    cursor, end = dates
    for starts_on, ends_on in sorted(periods):
        if starts_on > cursor:
            return False
        if ends_on >= cursor:
            cursor = ends_on + timedelta(days=1)
        if cursor > end:
            return True
    return cursor > end


def exclusion(
    req: RequestFacts, expert: ExpertFacts, *, proposed_counts: bool = True
) -> tuple[str, str] | None:
    """The first hard filter ``expert`` fails for ``req`` (code, sentence), or None."""
    if not expert.on_roster:
        return "roster", _("Not on the roster (no expert appointment in force).")
    if req.dates is not None and not covers(expert.periods, req.dates):
        return "unavailable", _("Not available on every day from %(start)s to %(end)s.") % {
            "start": req.dates[0].isoformat(),
            "end": req.dates[1].isoformat(),
        }
    if expert.nationality_id == req.country_id and not expert.local_expertise:
        return "conflict", _(
            "A national of the requesting country, not flagged for local expertise "
            "(conflict of interest)."
        )
    if proposed_counts and expert.proposed_status:
        return "proposed", _("Already proposed for this request.")
    return None


def _languages(req: RequestFacts, expert: ExpertFacts) -> Factor:
    asked = set(req.languages)
    if not asked:
        return Factor("languages", Decimal(0), _("No language was asked."))
    spoken = sorted(asked & expert.languages)
    if len(spoken) == len(asked):
        return Factor("languages", LANGUAGES_FULL, _("Speaks every language asked."))
    if spoken:
        text = _("Speaks some of the languages asked: %(codes)s.") % {"codes": ", ".join(spoken)}
        return Factor("languages", LANGUAGES_PARTIAL, text)
    return Factor("languages", Decimal(0), _("Speaks none of the languages asked."))


def _experience(req: RequestFacts, expert: ExpertFacts) -> Factor:
    if req.country_id in expert.experience_ids:
        return Factor("experience", COUNTRY_POINTS, _("Has worked in the requesting country."))
    if req.region and req.region in expert.experience_regions:
        text = _("Has worked in the region (%(region)s).") % {"region": req.region}
        return Factor("experience", REGION_POINTS, text)
    return Factor("experience", Decimal(0), _("No experience in the country or its region."))


def factors(req: RequestFacts, expert: ExpertFacts) -> tuple[Factor, ...]:
    """Each scoring factor with its points and a sentence, in the order the page shows."""
    kind = (
        Factor("kind", KIND_POINTS, _("Offers this kind of support."))
        if req.kind in expert.kinds
        else Factor("kind", Decimal(0), _("Does not offer this kind of support."))
    )
    common = len(req.objective_ids & expert.objective_ids)
    objectives = Factor(
        "objectives",
        OBJECTIVE_POINTS * common,
        ngettext(
            "%(count)s objective of the request in their expertise.",
            "%(count)s objectives of the request in their expertise.",
            common,
        )
        % {"count": common},
    )
    if req.theme_id is None:
        theme = Factor("theme", Decimal(0), _("No theme was given."))
    elif req.theme_id in expert.theme_ids:
        theme = Factor("theme", THEME_POINTS, _("The request's theme is in their expertise."))
    else:
        theme = Factor("theme", Decimal(0), _("The request's theme is not in their expertise."))
    penalty = ACCEPTED_PENALTY * expert.accepted_open + MISSION_PENALTY * expert.recent_missions
    workload = Factor(
        "workload",
        -penalty,
        _(
            "Workload: %(accepted)s accepted request(s) not ended, %(missions)s mission(s) "
            "in the last 365 days."
        )
        % {"accepted": expert.accepted_open, "missions": expert.recent_missions},
    )
    if expert.appraisal_average is None:
        appraisal = Factor("appraisal", Decimal(0), _("No appraisal yet."))
    else:
        average = expert.appraisal_average.quantize(Decimal("0.01"))
        appraisal = Factor(
            "appraisal",
            average - 1,
            _("Appraisals average %(average)s out of 5.") % {"average": average},
        )
    return (kind, objectives, theme, _languages(req, expert), _experience(req, expert)) + (
        workload,
        appraisal,
    )


def sort_key(candidate: Candidate) -> tuple[Decimal, int, str, int]:
    return (
        -candidate.score,
        candidate.workload,
        candidate.facts.name.casefold(),
        candidate.facts.pk,
    )


def rank(
    req: RequestFacts, experts: Sequence[ExpertFacts]
) -> tuple[list[Candidate], list[tuple[ExpertFacts, str, str]]]:
    """The experts that pass the hard filters, best first, and the others with why."""
    ranked, excluded = [], []
    for expert in experts:
        failed = exclusion(req, expert)
        if failed is None:
            ranked.append(Candidate(facts=expert, factors=factors(req, expert)))
        else:
            excluded.append((expert, *failed))
    ranked.sort(key=sort_key)
    excluded.sort(key=lambda e: (e[0].name.casefold(), e[0].pk))
    return ranked, excluded


# --- Reading the facts ---------------------------------------------------------------------


def _region(country: object) -> str:
    return str(getattr(country, "subregion", "") or getattr(country, "region", "") or "")


def request_facts(request: SupportRequest) -> RequestFacts:
    return RequestFacts(
        pk=request.pk,
        country_id=request.country_id,
        region=_region(request.country),
        kind=request.kind,
        theme_id=request.theme_id,
        objective_ids=frozenset(request.objectives.values_list("pk", flat=True)),
        languages=tuple(request.languages or []),
        dates=requested_dates(request),
    )


def _experts(experts: Iterable[Expert] | None) -> list[Expert]:
    """The experts (every profile by default), with what ``_facts`` reads prefetched."""
    queryset = Expert.objects.all()
    if experts is not None:
        queryset = queryset.filter(pk__in=[e.pk for e in experts])
    return list(
        queryset.select_related("person")
        .prefetch_related("availabilities", "objectives", "themes", "countries_of_experience")
        .annotate(on_roster=Exists(roster().filter(pk=OuterRef("pk"))))
    )


def _counts(expert_ids: list[int]) -> tuple[dict[int, int], dict[int, int], dict[int, Decimal]]:
    """Per expert: accepted proposals on requests not ended, missions started in the last
    365 days (of requests they accepted), their appraisals' average."""
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    accepted = Proposal.objects.filter(expert_id__in=expert_ids, status=Proposal.Status.ACCEPTED)
    open_rows = (
        accepted.exclude(request__stage__in=ENDED_STAGES)
        .values("expert_id")
        .annotate(n=Count("pk"))
    )
    mission_rows = (
        accepted.filter(request__mission__starts_on__gte=since)
        .values("expert_id")
        .annotate(n=Count("request", distinct=True))
    )
    averages = (
        Appraisal.objects.filter(expert_id__in=expert_ids)
        .values("expert_id")
        .annotate(average=Avg("rating"))
    )
    return (
        {row["expert_id"]: row["n"] for row in open_rows},
        {row["expert_id"]: row["n"] for row in mission_rows},
        {row["expert_id"]: Decimal(str(row["average"])) for row in averages},
    )


def _facts(expert: Expert, proposed: dict[int, str]) -> ExpertFacts:
    experience = list(expert.countries_of_experience.all())
    return ExpertFacts(
        pk=expert.pk,
        name=expert.person.display_name,
        on_roster=bool(getattr(expert, "on_roster", False)),
        nationality_id=expert.nationality_id,
        local_expertise=expert.local_expertise,
        kinds=frozenset(expert.kinds or []),
        languages=frozenset(expert.languages or []),
        objective_ids=frozenset(o.pk for o in expert.objectives.all()),
        theme_ids=frozenset(t.pk for t in expert.themes.all()),
        experience_ids=frozenset(c.pk for c in experience),
        experience_regions=frozenset(r for c in experience if (r := _region(c))),
        periods=tuple((a.starts_on, a.ends_on) for a in expert.availabilities.all()),
        proposed_status=proposed.get(expert.pk, ""),
    )


def why_excluded(request: SupportRequest, expert: Expert) -> str | None:
    """Why ``expert`` may not be asked for ``request`` now (a proposal already made does not
    count), or None."""
    profiles = _experts([expert])
    if not profiles:
        return _("Not on the roster (no expert appointment in force).")
    failed = exclusion(request_facts(request), _facts(profiles[0], {}), proposed_counts=False)
    return failed[1] if failed else None


def rank_experts(request: SupportRequest, *, experts: Iterable[Expert] | None = None) -> Ranking:
    """The roster (or ``experts``) ranked for ``request``, every factor and exclusion said."""
    req = request_facts(request)
    profiles = _experts(experts)
    ids = [e.pk for e in profiles]
    accepted_open, recent, averages = _counts(ids)
    proposed = dict(
        Proposal.objects.filter(request=request, expert_id__in=ids).values_list(
            "expert_id", "status"
        )
    )
    by_pk = {e.pk: e for e in profiles}
    facts = [
        replace(
            _facts(e, proposed),
            accepted_open=accepted_open.get(e.pk, 0),
            recent_missions=recent.get(e.pk, 0),
            appraisal_average=averages.get(e.pk),
        )
        for e in profiles
    ]
    ranked, excluded = rank(req, facts)
    if req.dates is None:
        note = _("No dates were asked: availability is not checked.")
    else:
        note = _("Available means: on every day from %(start)s to %(end)s.") % {
            "start": req.dates[0].isoformat(),
            "end": req.dates[1].isoformat(),
        }
    return Ranking(
        dates=req.dates,
        dates_note=note,
        ranked=[replace(c, expert=by_pk[c.facts.pk]) for c in ranked],
        excluded=[
            Excluded(facts=f, code=code, reason=reason, expert=by_pk[f.pk])
            for f, code, reason in excluded
        ],
    )
