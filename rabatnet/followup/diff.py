"""A country's cycle against its previous one: per objective, status before → now (improved,
worse, unchanged, new, no longer assessed) and the narratives side by side, changed words
highlighted (difflib on words).

Public: verified assessments only (the verified status). Private: the unverified ones too,
with their self-assessed status, marked.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape

from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.strategy.models import Objective

from . import progress, progress_selectors
from .models import Assessment, Cycle
from .models.initiatives import ReviewState
from .report_data import chosen_country_cycle, country_cycles, visible_assessments

WORDS = re.compile(r"(\s+)")
MAX_TOKENS = 6000  # past this, the narratives are shown without word highlighting


def previous_cycle(country: Country, cycle: Cycle, *, private: bool) -> Cycle | None:
    """The newest cycle before ``cycle`` with (visible) data for the country."""
    return (
        country_cycles(country, private=private)
        .filter(Q(opens_on__lt=cycle.opens_on) | Q(opens_on=cycle.opens_on, pk__lt=cycle.pk))
        .first()
    )


def _side(tokens: list[str], start: int, end: int, tag: str | None) -> str:
    text = escape("".join(tokens[start:end]))
    if tag and text.strip():
        return f'<{tag} class="{"removed" if tag == "del" else "added"}">{text}</{tag}>'
    return text


def narrative_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, escaped, words removed (old) and added (new) highlighted."""
    a, b = WORDS.split(old), WORDS.split(new)
    if len(a) + len(b) > MAX_TOKENS:
        return mark_safe(escape(old)), mark_safe(escape(new))  # noqa: S308  (escaped)
    left, right = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(_side(a, i1, i2, None))
            right.append(_side(b, j1, j2, None))
        else:
            left.append(_side(a, i1, i2, "del"))
            right.append(_side(b, j1, j2, "ins"))
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308  (escaped)


def shown_status(assessment: Assessment | None) -> str:
    """The verified status of a verified assessment, else its self-assessed one (private)."""
    if assessment is None:
        return ""
    if assessment.review_state == ReviewState.VERIFIED:
        return assessment.verified_status
    return assessment.self_status


def change(before: str, now: str) -> str:
    """ "new", "dropped", "unchanged", "improved", "worse" or "changed" (to or from N/A)."""
    if not before and not now:
        return "none"
    if not before:
        return "new"
    if not now:
        return "dropped"
    if before == now:
        return "unchanged"
    wb, wn = progress.weight(before), progress.weight(now)
    if wb is None or wn is None:
        return "changed"
    return "improved" if wn > wb else "worse"


def change_labels() -> dict[str, str]:
    return {
        "none": _("not assessed in either cycle"),
        "new": _("new"),
        "dropped": _("no longer assessed"),
        "unchanged": _("unchanged"),
        "improved": _("improved"),
        "worse": _("worse"),
        "changed": _("changed (to or from not applicable)"),
    }


@dataclass(frozen=True)
class DiffLine:
    objective: Objective
    before: Assessment | None
    now: Assessment | None
    change: str
    change_label: str
    old_html: SafeString
    new_html: SafeString

    @property
    def before_label(self) -> str:
        status = shown_status(self.before)
        return progress.status_label(status) if status else ""

    @property
    def now_label(self) -> str:
        status = shown_status(self.now)
        return progress.status_label(status) if status else ""

    @property
    def before_unverified(self) -> bool:
        return bool(self.before and self.before.review_state != ReviewState.VERIFIED)

    @property
    def now_unverified(self) -> bool:
        return bool(self.now and self.now.review_state != ReviewState.VERIFIED)


@dataclass
class CycleDiff:
    country: Country
    cycle: Cycle | None
    previous: Cycle | None
    private: bool
    lines: list[DiffLine] = field(default_factory=list)
    cycles: list[Cycle] = field(default_factory=list)

    @property
    def example(self) -> bool:
        return bool(
            (self.cycle and self.cycle.example) or (self.previous and self.previous.example)
        )

    @property
    def same_framework(self) -> bool:
        return (
            not self.previous
            or not self.cycle
            or (self.previous.framework_id == self.cycle.framework_id)
        )

    @property
    def legend(self) -> list[progress.Legend]:
        return progress.legend()

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in self.lines:
            out[line.change] = out.get(line.change, 0) + 1
        return out


def build_diff(country: Country, cycle_value: str | None, *, private: bool) -> CycleDiff:
    cycle = chosen_country_cycle(country, cycle_value, private=private)
    cycles = list(country_cycles(country, private=private))
    if cycle is None:
        return CycleDiff(country, None, None, private, cycles=cycles)
    previous = previous_cycle(country, cycle, private=private)
    now = visible_assessments(country, cycle, private=private)
    # Matched by objective number: a later framework keeps numbering its own objectives.
    before_by_number: dict[int, Assessment] = {}
    if previous is not None:
        found = visible_assessments(country, previous, private=private)
        numbers = dict(Objective.objects.filter(pk__in=list(found)).values_list("pk", "number"))
        before_by_number = {numbers[pk]: a for pk, a in found.items()}
    labels = change_labels()
    result = CycleDiff(country, cycle, previous, private, cycles=cycles)
    for objective in progress_selectors.objectives_of(cycle.framework):
        a_now = now.get(objective.pk)
        a_before = before_by_number.get(objective.number)
        kind = change(shown_status(a_before), shown_status(a_now))
        old_html, new_html = narrative_diff(
            a_before.narrative if a_before else "", a_now.narrative if a_now else ""
        )
        result.lines.append(
            DiffLine(objective, a_before, a_now, kind, labels[kind], old_html, new_html)
        )
    return result
