"""vCard 4.0 (RFC 6350), written by hand from what a viewer may see (``PersonCard``).

Text values escape backslash, comma, semicolon and newlines (RFC 6350 §3.4); control
characters are never written; lines end in CRLF and are folded at 75 octets without
cutting a UTF-8 character in two (§3.2).
"""

import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings

from .visibility import PersonCard

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
MEDIA_TYPE = "text/vcard; charset=utf-8"

# C0 and C1 controls and DEL; newlines are handled before, as "\n" escapes.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def clean(value: str) -> str:
    """``value`` with every newline made "\\n", tabs made spaces, other controls removed."""
    value = _NEWLINES.sub("\n", value).replace("\t", " ")
    return "\n".join(_CONTROLS.sub("", part) for part in value.split("\n"))


def escape_text(value: str) -> str:
    """A text value (or one component of a structured one), escaped."""
    value = clean(value)
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded: no physical line over 75 octets, each continuation led by a space."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces) + CRLF


def person_uid(pk: int) -> str:
    """A stable identifier for the person on this site."""
    site = settings.SITE_URL.rstrip("/")
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{site}/network/people/{pk}')}"


def _name_parts(name: str) -> tuple[str, str]:
    """(family, given) guessed from a full name: its last word, the rest."""
    words = clean(name).replace("\n", " ").split()
    if not words:
        return "", ""
    return words[-1], " ".join(words[:-1])


def _timestamp(moment: datetime | None) -> str:
    moment = (moment or datetime.now(tz=UTC)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _language_tag(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]", "", code)


def vcard(card: PersonCard) -> str:
    """One vCard 4.0 with what the viewer may see of the person."""
    family, given = _name_parts(card.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:individual",
        f"FN:{escape_text(card.name)}",
        f"N:{escape_text(family)};{escape_text(given)};;;",
        f"UID:{person_uid(card.pk)}",
        f"REV:{_timestamp(card.updated_at)}",
    ]
    if card.organisation:
        lines.append(f"ORG:{escape_text(card.organisation)}")
    if card.job_title:
        lines.append(f"TITLE:{escape_text(card.job_title)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{escape_text(card.email)}")
    if card.phone:
        lines.append(f"TEL;VALUE=text;TYPE=work:{escape_text(card.phone)}")
    languages = [card.language, *card.working_languages]
    for preference, code in enumerate(dict.fromkeys(filter(None, map(_language_tag, languages)))):
        lines.append(f"LANG;PREF={preference + 1}:{code}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def vcards(cards: Iterable[PersonCard]) -> str:
    """Several vCards, one after the other (RFC 6350 §3.1)."""
    return "".join(vcard(card) for card in cards)
