"""Template filters of the initiatives: a text in the reader's language (else the other)."""

from django import template
from django.utils import translation

from rabatnet.followup.initiative_selectors import shown
from rabatnet.followup.models import Initiative

register = template.Library()


@register.filter
def in_language(initiative: Initiative, name: str) -> str:
    """``{{ initiative|in_language:"title" }}``: the title (or summary) in the active
    language, else in the other one."""
    return shown(initiative, name)


@register.filter
def other_language_only(initiative: Initiative, name: str) -> bool:
    """True when ``name`` is only given in the language the reader does not read."""
    return bool(shown(initiative, name)) and not _own(initiative, name)


def _own(initiative: Initiative, name: str) -> str:
    code = "fr" if translation.get_language() == "fr" else "en"
    return str(getattr(initiative, f"{name}_{code}") or "")
