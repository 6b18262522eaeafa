"""Writes of the questionnaire builder (keyword-only, atomic).

Every write locks the questionnaire's row (``select_for_update``) and saves it, which
raises its version: two people building the same questionnaire take turns, and an edit
form opened before another's change is refused with that change shown. Each write checks
again, under the lock, what the form checked (names, the tree, what answers already
hold) and refuses with a message what no longer fits. History: simple-history, with the
actor recorded (``record_actor``).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned

from . import builder_selectors as selectors
from . import expressions
from .models import Choice, ChoiceList, Question, Questionnaire

T = Question.Type
S = Questionnaire.Status
# draft → open → closed; a closed questionnaire may open again.
NEXT_STATUS = {S.DRAFT: {S.OPEN}, S.OPEN: {S.CLOSED}, S.CLOSED: {S.OPEN}}
STEP = 10


def _lock(questionnaire: Questionnaire) -> Questionnaire:
    return Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)


def _bump(locked: Questionnaire, actor: User | None) -> None:
    """The questionnaire changed: its version rises (and its history says who)."""
    record_actor(locked, actor)
    locked.save(update_fields=["updated_at"])


# --- Questionnaires --------------------------------------------------------------------


@transaction.atomic
def questionnaire_create(*, questionnaire: Questionnaire, actor: User | None) -> Questionnaire:
    """A new questionnaire (a draft), from the builder's form."""
    questionnaire.status = S.DRAFT
    record_actor(questionnaire, actor)
    questionnaire.save()
    return questionnaire


@transaction.atomic
def questionnaire_update(
    *,
    questionnaire: Questionnaire,
    expected_version: int,
    fields: Iterable[str],
    actor: User | None,
) -> Questionnaire:
    """Save the questionnaire's settings; a change of status must be a step that applies."""
    locked = _lock(questionnaire)
    fields = list(fields)
    if "status" in fields and questionnaire.status != locked.status:
        if questionnaire.status not in NEXT_STATUS.get(S(locked.status), set()):
            raise ValidationError(
                _("A questionnaire cannot go from “%(old)s” to “%(new)s”.")
                % {"old": S(locked.status).label, "new": S(questionnaire.status).label}
            )
        answered = locked.questions.exclude(type__in=selectors.NOT_ANSWERED)
        if questionnaire.status == S.OPEN and not answered.exists():
            raise ValidationError(_("Add at least one question before opening it for answers."))
    record_actor(questionnaire, actor)
    return save_versioned(obj=questionnaire, expected_version=expected_version, fields=fields)


# --- The tree ------------------------------------------------------------------------------


def _renumber(
    questionnaire: Questionnaire, order: dict[int | None, list[int]] | None = None
) -> None:
    """Positions 10, 20, ... depth first: each container followed by what it holds.

    ``order`` (children's keys by parent) overrides the stored order (a move)."""
    questions = list(questionnaire.questions.order_by("position", "pk"))
    if order is None:
        order = {}
        for q in questions:
            order.setdefault(q.parent_id, []).append(q.pk)
    by_pk = {q.pk: q for q in questions}
    changed: list[Question] = []
    counter = 0

    def walk(parent: int | None, seen: frozenset[int]) -> None:
        nonlocal counter
        for pk in (order or {}).get(parent, []):
            if pk in seen:
                continue
            counter += STEP
            question = by_pk[pk]
            if question.position != counter:
                question.position = counter
                changed.append(question)
            walk(pk, seen | {pk})

    walk(None, frozenset())
    Question.objects.bulk_update(changed, ["position"])


def _end_of(questionnaire: Questionnaire, parent: Question | None) -> int:
    """A position after everything inside ``parent`` (after everything, at the top)."""
    if parent is None:
        last = questionnaire.questions.order_by("-position").values_list("position", flat=True)
        return (last.first() or 0) + 1
    inside = selectors.descendant_ids(parent)
    positions = Question.objects.filter(pk__in=inside).values_list("position", flat=True)
    return max([parent.position, *positions]) + 1


def check_question(questionnaire: Questionnaire, question: Question) -> None:
    """Everything a question must be in its questionnaire; ValidationError by field."""
    errors: dict[str, list[str]] = {}

    def refuse(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    names = selectors.question_names(questionnaire)
    others = questionnaire.questions.exclude(pk=question.pk) if question.pk else None
    taken = others if others is not None else questionnaire.questions.all()
    if taken.filter(name=question.name).exists():
        refuse("name", _("Another question of this questionnaire has this name."))
    if question.type in Question.SELECTS and question.choice_list is None:
        refuse("choice_list", _("A select question needs its list of choices."))
    if question.type not in Question.SELECTS and question.choice_list is not None:
        refuse("choice_list", _("Only a select question has a list of choices."))
    if (
        question.choice_list is not None
        and question.choice_list.questionnaire_id != questionnaire.pk
    ):
        refuse("choice_list", _("Choose a list of this questionnaire."))
    if question.feeds and question.type in selectors.NOT_ANSWERED:
        refuse("feeds", _("Only a question that takes an answer feeds the guide."))
    parent = question.parent
    if parent is not None:
        if parent.questionnaire_id != questionnaire.pk or parent.type not in Question.CONTAINERS:
            refuse("parent", _("Choose a section or a repeat group of this questionnaire."))
        elif question.pk and (
            parent.pk == question.pk or parent.pk in selectors.descendant_ids(question)
        ):
            refuse("parent", _("A section cannot be put inside itself."))
        elif selectors.enclosing_repeat(parent) is not None and _holds_repeat(question):
            refuse("parent", _("A repeat group cannot be inside another repeat group."))
    if question.pk and question.type not in Question.CONTAINERS and question.children.exists():
        refuse("type", _("It holds questions: it stays a section or a repeat group."))
    elif question.pk and question.type == T.REPEAT and selectors.repeat_inside(question):
        refuse("type", _("A repeat group cannot be inside another repeat group."))
    for name in ("relevant", "constraint"):
        expression = getattr(question, name)
        if expression:
            try:
                expressions.check(expression, names | {question.name})
            except expressions.ExpressionError as exc:
                refuse(name, str(exc))
    if errors:
        raise ValidationError(errors)


def _holds_repeat(question: Question) -> bool:
    """True if ``question`` is a repeat group or holds one."""
    if question.type == T.REPEAT:
        return True
    if not question.pk or question.type != T.GROUP:
        return False
    inside = selectors.descendant_ids(question)
    return Question.objects.filter(pk__in=inside, type=T.REPEAT).exists()


@transaction.atomic
def question_create(
    *, questionnaire: Questionnaire, question: Question, actor: User | None
) -> Question:
    """Add ``question`` (unsaved, its fields set) at the end of its section (or of all)."""
    locked = _lock(questionnaire)
    question.questionnaire = locked
    check_question(locked, question)
    question.position = _end_of(locked, question.parent)
    record_actor(question, actor)
    question.save()
    _renumber(locked)
    _bump(locked, actor)
    return question


@transaction.atomic
def question_update(
    *, question: Question, expected_version: int, fields: Iterable[str], actor: User | None
) -> Question:
    """Save an edit of ``question``, refused when stale or when answers would not fit."""
    locked = _lock(question.questionnaire)
    stored = Question.objects.select_related("parent").get(pk=question.pk)
    fields = list(fields)
    if stored.version == expected_version:
        _check_answers_still_fit(stored, question)
        if stored.name != question.name:
            users = selectors.referring(locked, stored.name, exclude=stored.pk)
            if users:
                raise ValidationError(
                    {
                        "name": _(
                            "Questions %(names)s refer to this name in their conditions: "
                            "change them first."
                        )
                        % {"names": ", ".join(users)}
                    }
                )
        check_question(locked, question)
    moved = stored.parent_id != question.parent_id
    if moved:
        question.position = _end_of(locked, question.parent)
        fields.append("position")
    record_actor(question, actor)
    save_versioned(obj=question, expected_version=expected_version, fields=fields)
    if moved:
        _renumber(locked)
    _bump(locked, actor)
    return question


def _check_answers_still_fit(stored: Question, question: Question) -> None:
    if stored.type != question.type and selectors.answered_inside(stored):
        raise ValidationError(
            {
                "type": _(
                    "Questions inside have answers: its type cannot change (they would no "
                    "longer fit)."
                )
            }
        )
    if not selectors.has_answers(stored):
        return
    if stored.type != question.type:
        raise ValidationError(
            {
                "type": _(
                    "This question has answers: its type cannot change (they would no longer fit)."
                )
            }
        )
    if stored.choice_list_id != question.choice_list_id:
        raise ValidationError(
            {
                "choice_list": _(
                    "This question has answers: its list of choices cannot change (they "
                    "would no longer fit)."
                )
            }
        )
    if selectors.enclosing_repeat(stored.parent) != selectors.enclosing_repeat(question.parent):
        raise ValidationError(
            {
                "parent": _(
                    "This question has answers: it cannot move into or out of a repeat group "
                    "(their rows would no longer fit)."
                )
            }
        )


@transaction.atomic
def question_delete(*, question: Question, actor: User | None) -> None:
    """Delete a question that holds nothing, has no answers and nothing refers to."""
    locked = _lock(question.questionnaire)
    question = Question.objects.get(pk=question.pk)
    if question.children.exists():
        raise ValidationError(_("Move or delete the questions inside it first."))
    if selectors.has_answers(question):
        raise ValidationError(_("This question has answers: it cannot be deleted."))
    users = selectors.referring(locked, question.name, exclude=question.pk)
    if users:
        raise ValidationError(
            _("Questions %(names)s refer to it in their conditions: change them first.")
            % {"names": ", ".join(users)}
        )
    record_actor(question, actor)
    question.delete()
    _renumber(locked)
    _bump(locked, actor)


@transaction.atomic
def question_move(*, question: Question, direction: str, actor: User | None) -> None:
    """Swap ``question`` (with what it holds) with the one before or after it, same level."""
    locked = _lock(question.questionnaire)
    question = Question.objects.get(pk=question.pk)
    order: dict[int | None, list[int]] = {}
    for pk, parent in locked.questions.order_by("position", "pk").values_list("pk", "parent_id"):
        order.setdefault(parent, []).append(pk)
    siblings = order[question.parent_id]
    index = siblings.index(question.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        raise ValidationError(_("It is already the first or the last at its level."))
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _renumber(locked, order)
    _bump(locked, actor)


# --- Lists of choices ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceRow:
    """A row of the list's form: the choice it edits (None: a new one) and its values."""

    pk: int | None
    code: str
    label_en: str
    label_fr: str


def _check_list_name(questionnaire: Questionnaire, choice_list: ChoiceList) -> None:
    taken = questionnaire.choice_lists.filter(name=choice_list.name)
    if choice_list.pk:
        taken = taken.exclude(pk=choice_list.pk)
    if taken.exists():
        raise ValidationError({"name": _("Another list of this questionnaire has this name.")})


def _set_choices(choice_list: ChoiceList, rows: list[ChoiceRow]) -> None:
    codes = [row.code for row in rows]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValidationError(_("Each code once: %(codes)s.") % {"codes": ", ".join(duplicates)})
    existing = {c.pk: c for c in choice_list.choices.all()}
    unknown = [row.pk for row in rows if row.pk is not None and row.pk not in existing]
    if unknown:
        raise ValidationError(_("A choice of this form is no longer in the list: reload the page."))
    used = selectors.used_codes(choice_list) if existing else set()
    kept = {row.pk: row for row in rows if row.pk is not None}
    problems = [
        choice.name
        for pk, choice in existing.items()
        if choice.name in used and (pk not in kept or kept[pk].code != choice.name)
    ]
    if problems:
        raise ValidationError(
            _("Stored answers hold the codes %(codes)s: they cannot be removed or renamed.")
            % {"codes": ", ".join(sorted(problems))}
        )
    Choice.objects.filter(pk__in=set(existing) - set(kept)).delete()
    # Codes freed by a rename in this same save: clear them first (the unique code).
    for pk, choice in existing.items():
        if pk in kept and kept[pk].code != choice.name:
            choice.name = f"__renaming_{pk}"
            choice.save(update_fields=["name"])
    for position, row in enumerate(rows):
        choice = existing[row.pk] if row.pk is not None else Choice(choice_list=choice_list)
        choice.name = row.code
        for language in ("en", "fr"):  # modeltranslation's columns
            setattr(choice, f"label_{language}", getattr(row, f"label_{language}"))
        choice.position = position
        choice.save()


@transaction.atomic
def choice_list_create(
    *,
    questionnaire: Questionnaire,
    choice_list: ChoiceList,
    rows: list[ChoiceRow],
    actor: User | None,
) -> ChoiceList:
    locked = _lock(questionnaire)
    choice_list.questionnaire = locked
    _check_list_name(locked, choice_list)
    choice_list.save()
    _set_choices(choice_list, rows)
    _bump(locked, actor)
    return choice_list


@transaction.atomic
def choice_list_update(
    *, choice_list: ChoiceList, expected_version: int, rows: list[ChoiceRow], actor: User | None
) -> ChoiceList:
    """Rename the list and set its choices; codes stored answers hold stay as they are."""
    locked = _lock(choice_list.questionnaire)
    stored = ChoiceList.objects.get(pk=choice_list.pk)
    if stored.version == expected_version:
        _check_list_name(locked, choice_list)
    save_versioned(obj=choice_list, expected_version=expected_version, fields=["name"])
    _set_choices(choice_list, rows)
    _bump(locked, actor)
    return choice_list
