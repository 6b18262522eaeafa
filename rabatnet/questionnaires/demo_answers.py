"""The demo's answers and workshop (example content): ``rabatnet_sources`` run with three
departments of the country, candidates from the submitted response, a held national
workshop whose outcomes are proposed as candidates.

The questions are read from the database, never assumed: each answer is made for the type
(and the guide field it feeds) of a question the questionnaire really has.
"""

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.guides.models import Guide, Stage
from rabatnet.network.models import Organisation
from rabatnet.sources.models import Area, Source

from .compilation_services import propose_from_response, propose_from_workshop
from .models import (
    Answer,
    Candidate,
    Invitation,
    Question,
    Questionnaire,
    Response,
    Workshop,
)
from .services import guide_follows
from .workshop_demo import demo_workshop

FORM_ID = "rabatnet_sources"
T = Question.Type
DEPARTMENTS = [
    ("Direction nationale de la population (exemple)", "Aminata Traoré (exemple)", "submitted"),
    ("Direction des frontières, service statistique (exemple)", "Oumar Keïta (exemple)", "draft"),
    ("Cellule statistique de l'emploi (exemple)", "Fatoumata Coulibaly (exemple)", "invited"),
]
ROWS = [
    ("Recensement général de la population et de l'habitat (exemple)", "census"),
    ("Registres des entrées et sorties aux frontières (exemple)", "border_records"),
    ("Enquête modulaire auprès des ménages (exemple)", "household_survey"),
]
DEPARTMENT = "{department}"
# Plain answers by question name (the standard questionnaire's), example content.
TEXTS = {
    "institution": DEPARTMENT,
    "respondent_role": "Chef de la division des statistiques (exemple)",
    "gaps": "Les retours de migrants et les transferts de fonds ne sont pas comptés (exemple).",
    "source_last_release": "202{row}",
    "source_description": "Exemple : série tenue par le service, publiée dans son annuaire.",
    "source_url": "https://example.org/mali/source-{row}",
}
REJECTED_BECAUSE = "Exemple : cette enquête ne couvre pas les migrations ; hors du guide."


def _department(guide: Guide, name: str) -> Organisation:
    found, _created = Organisation.objects.get_or_create(
        name=name, country=guide.country, defaults={"kind": Organisation.Kind.GOVERNMENT}
    )
    return found


def _repeat_of(question: Question, by_pk: dict[int, Question]) -> Question | None:
    parent = by_pk.get(question.parent_id) if question.parent_id else None
    while parent is not None and parent.type != T.REPEAT:
        parent = by_pk.get(parent.parent_id) if parent.parent_id else None
    return parent


def _codes(question: Question) -> list[str]:
    if question.choice_list is None:
        return []
    return [c.name for c in question.choice_list.choices.all()]


def _value(question: Question, row: int, department: str) -> str | None:
    """An answer of the question's type (codes for selects); None for no answer."""
    codes = _codes(question)
    name, kind = ROWS[(row - 1) % len(ROWS)] if row else ("", "")
    feeds = question.feeds
    if feeds == "source.name":
        return name
    if feeds == "source.kind" and kind in codes:
        return kind
    if feeds == "source.entity" and not codes:
        return department
    if question.name in TEXTS:
        text = TEXTS[question.name]
        return department if text is DEPARTMENT else text.format(row=row)
    if question.type == T.SELECT_ONE:
        return "yes" if "yes" in codes else (codes[0] if codes else None)
    if question.type == T.SELECT_MULTIPLE:
        return " ".join(codes[:2]) or None
    plain: dict[str, str] = {
        T.TEXT: f"Exemple ({question.name})",
        T.INTEGER: "12",
        T.DECIMAL: "2.5",
        T.DATE: "2024-12-31",
    }
    return plain.get(str(question.type))


def _answer(response: Response, questions: list[Question], rows: int, department: str) -> None:
    """Answers to every answerable question: outside repeats once, in the first repeat that
    feeds sources ``rows`` times (other repeats: one row)."""
    by_pk = {q.pk: q for q in questions}
    feeding = {_repeat_of(q, by_pk) for q in questions if q.feeds.startswith("source.")}
    answers = []
    for question in questions:
        if question.type in (T.GROUP, T.REPEAT, T.NOTE):
            continue
        repeat = _repeat_of(question, by_pk)
        for row in [0] if repeat is None else range(1, (rows if repeat in feeding else 1) + 1):
            value = _value(question, row, department)
            if value:
                answers.append(Answer(response=response, question=question, row=row, value=value))
    Answer.objects.bulk_create(answers)


def _accept_as_source(candidate: Candidate, department: Organisation, actor: User) -> None:
    """Make the part I record from the candidate's values, and mark the candidate accepted."""
    data = candidate.data
    kind = data.get("kind") if data.get("kind") in Source.Kind.values else Source.Kind.OTHER
    source = Source.objects.create(
        country=candidate.guide.country,
        entity=department,
        name=str(data.get("name") or ROWS[0][0])[:250],
        kind=kind,
        status=Source.Status.EXISTING,
        periodicity=Source.Periodicity.MULTI_YEAR,
        access=Source.Access.ON_REQUEST,
        description="Exemple : accepté depuis une réponse au questionnaire.",
        is_example=True,
    )
    areas = [v for v in data.get("areas") or [] if isinstance(v, int)]
    source.areas.set(Area.objects.filter(pk__in=areas))
    candidate.status = Candidate.Status.ACCEPTED
    candidate.record_id = source.pk
    candidate.decided_at = timezone.now()
    candidate.decided_by = actor
    candidate.save(update_fields=["status", "record_id", "decided_at", "decided_by"])


def load_sources(guide: Guide, actor: User, say: Callable[[str], None]) -> None:
    questionnaire = Questionnaire.objects.filter(form_id=FORM_ID).first()
    if questionnaire is None:
        say(
            f"The standard questionnaire {FORM_ID} is not loaded (load_questionnaires): "
            "no demo answers."
        )
        return
    country = guide.country
    if Invitation.objects.filter(questionnaire=questionnaire, country=country).exists():
        say(f"Demo answers to {FORM_ID}: already there, left as they were.")
        return
    questions = list(
        questionnaire.questions.select_related("choice_list")
        .prefetch_related("choice_list__choices")
        .order_by("position", "pk")
    )
    now = timezone.now()
    submitted = None
    for name, respondent, state in DEPARTMENTS:
        department = _department(guide, name)
        invitation = Invitation.objects.create(
            questionnaire=questionnaire,
            country=country,
            department=department,
            respondent_name=respondent,
            respondent_email=f"{respondent.split()[0].lower()}.mli@demo.rabatnet.org",
            language="fr",
            created_by=actor,
            expires_at=now + timedelta(days=30),
            opened_at=None if state == "invited" else now - timedelta(days=3),
            is_example=True,
        )
        if state == "invited":
            continue
        response = Response.objects.create(
            questionnaire=questionnaire,
            country=country,
            invitation=invitation,
            origin=Response.Origin.WEB,
            status=Response.Status.SUBMITTED if state == "submitted" else Response.Status.DRAFT,
            department=department,
            respondent_name=respondent,
            started_at=now - timedelta(days=3),
            submitted_at=now - timedelta(days=1) if state == "submitted" else None,
            is_example=True,
        )
        _answer(response, questions if state == "submitted" else questions[:3], 3, name)
        if state == "submitted":
            submitted = (response, department)
    guide_follows(guide=guide, stage=Stage.QUESTIONNAIRES, actor=actor)
    proposed = 0
    if submitted is not None:
        response, department = submitted
        proposed = propose_from_response(response=response, guide=guide, actor=actor)
        candidates = Candidate.objects.filter(response=response, kind="source").order_by("row")
        for candidate in candidates:
            candidate.is_example = True
            candidate.save(update_fields=["is_example"])
            if candidate.row == 1:
                _accept_as_source(candidate, department, actor)
            elif candidate.row == 3:
                candidate.status = Candidate.Status.REJECTED
                candidate.reason = REJECTED_BECAUSE
                candidate.decided_at, candidate.decided_by = timezone.now(), actor
                candidate.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    say(
        f"Demo answers to {FORM_ID} (example): 3 invitations, 1 submitted response, 1 draft, "
        f"{proposed} candidates."
    )


def load_workshop(guide: Guide, actor: User, say: Callable[[str], None]) -> None:
    if Workshop.objects.filter(guide=guide).exists():
        say("Demo workshop: already there, left as it was.")
        return
    workshop = demo_workshop(guide, city="Bamako")
    if workshop.status == Workshop.Status.HELD:
        guide_follows(guide=guide, stage=Stage.WORKSHOP, actor=actor)
    proposed = propose_from_workshop(workshop=workshop, actor=actor)
    if Candidate.objects.filter(guide=guide, status=Candidate.Status.ACCEPTED).exists():
        guide_follows(guide=guide, stage=Stage.DRAFTING, actor=actor)
    say(f"Demo workshop (example): “{workshop.title}”, {proposed} outcomes proposed.")
