"""@mentions: ``@Aminata Diallo`` names a reader of the forum by their name as shown.

Typed without any script: an at sign then the person's name. Only people who may read the
forum can be mentioned; a mention is shown as a link to their directory page.
"""

import re
from collections.abc import Callable, Iterable

from django.db.models import QuerySet

from rabatnet.network.models import Person

# A name ends where a letter or digit would not continue it.
_END = r"(?![\w])"


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile("@" + re.escape(name) + _END, re.IGNORECASE)


def mentioned_people(body: str, readers: QuerySet[Person]) -> list[Person]:
    """The readers whose name follows an at sign in ``body`` (longest names first)."""
    if "@" not in body:
        return []
    found = []
    for person in readers.only("pk", "full_name", "erased_at"):
        name = person.full_name.strip()
        if name and person.erased_at is None and _pattern(name).search(body):
            found.append(person)
    return found


def _linker(url: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"[{match.group(0)}]({url})"


def link_mentions(body: str, people: Iterable[Person]) -> str:
    """``body`` with each mention of ``people`` written as a Markdown link to their page."""
    for person in sorted(people, key=lambda p: -len(p.full_name)):
        name = person.full_name.strip()
        if not name or person.erased_at is not None:
            continue
        url = person.get_absolute_url()
        body = _pattern(name).sub(_linker(url), body)
    return body


def erased_mention(person: Person) -> str:
    """What a mention of ``person`` becomes once they are erased (stored text: no language)."""
    return f"@[erased person #{person.pk}]"


def unname_mentions(body: str, person: Person) -> str:
    """``body`` with every mention of ``person`` (by the name they still have) replaced."""
    name = person.full_name.strip()
    if not name:
        return body
    return _pattern(name).sub(lambda match: erased_mention(person), body)
