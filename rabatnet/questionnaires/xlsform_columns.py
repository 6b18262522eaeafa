"""The XLSForm's columns and row types as the site reads and writes them.

Languages are written ``label::English (en)`` / ``label::French (fr)``; read also as
``label::en``, ``label::Français (fr)``, ``label::French`` and plain ``label`` (the form's
default language). The guide field a question feeds is the extra column ``feeds``: pyxform
4.5.0 accepts an unknown survey column without error or warning and leaves it out of the
XForm (tried: ``bind::rabatnet:feeds`` would write an attribute with an undeclared XML
prefix, and ``instance::feeds`` an attribute on every instance node), so ODK and KoboToolbox
ignore it and the site keeps it.
"""

import re
from dataclasses import dataclass

from .models import Question

T = Question.Type

LANGUAGE_NAMES = {"en": "English (en)", "fr": "French (fr)"}
# Names a language may go by in a column header, without its code in brackets.
_LANGUAGE_WORDS = {
    "english": "en",
    "anglais": "en",
    "en": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "fr": "fr",
}
TRANSLATED = ("label", "hint", "required_message", "constraint_message")
PLAIN = ("required", "relevant", "constraint", "appearance", "feeds")
SURVEY_HEADERS = [
    "type",
    "name",
    *(f"{field}::{LANGUAGE_NAMES[code]}" for field in TRANSLATED[:2] for code in ("en", "fr")),
    "required",
    *(f"required_message::{LANGUAGE_NAMES[code]}" for code in ("en", "fr")),
    "relevant",
    "constraint",
    *(f"constraint_message::{LANGUAGE_NAMES[code]}" for code in ("en", "fr")),
    "appearance",
    "feeds",
]
CHOICES_HEADERS = ["list_name", "name", *(f"label::{LANGUAGE_NAMES[c]}" for c in ("en", "fr"))]
SETTINGS_HEADERS = ["form_title", "form_id", "version", "default_language"]

# Row types the site runs; the words XLSForm allows for each (spaces or underscores).
SIMPLE_TYPES = {
    "text": T.TEXT,
    "string": T.TEXT,
    "integer": T.INTEGER,
    "int": T.INTEGER,
    "decimal": T.DECIMAL,
    "date": T.DATE,
    "note": T.NOTE,
}
# ODK's metadata rows (KoboToolbox adds start and end to every form): what the device
# records, not questions; the site skips them on import and its exports' columns for them
# are metadata (``submission_columns.METADATA``).
METADATA_TYPES = {
    "start", "end", "today", "deviceid", "imei", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit",
}  # fmt: skip
SELECT_TYPES = {"select_one": T.SELECT_ONE, "select_multiple": T.SELECT_MULTIPLE}
BEGIN = {"begin_group": T.GROUP, "begin_repeat": T.REPEAT}
END = {"end_group": T.GROUP, "end_repeat": T.REPEAT}


@dataclass(frozen=True)
class RowType:
    """A survey row's type: a question type and its list, or the opening/closing of a
    container (``begin`` / ``end``)."""

    type: str
    list_name: str = ""
    begin: bool = False
    end: bool = False


def language_of(suffix: str) -> str | None:
    """The language code a header suffix names (``English (en)``, ``en``, ``Français``)."""
    suffix = suffix.strip()
    bracket = re.search(r"\(([A-Za-z]{2})\)\s*$", suffix)
    if bracket:
        return bracket.group(1).lower()
    return _LANGUAGE_WORDS.get(suffix.lower())


def header_of(header: str) -> tuple[str, str | None]:
    """A header as (field, language): ``label::French (fr)`` → ("label", "fr"); a plain
    ``label`` → ("label", None): the default language. Unknown languages give ("label", "?")."""
    header = header.strip()
    if "::" in header:
        field, suffix = header.split("::", 1)
        return _field(field), language_of(suffix) or "?"
    return _field(header), None


def _field(text: str) -> str:
    """A header's field as pyxform reads it: ``List Name``, ``list name`` → ``list_name``."""
    return "_".join(text.split()).lower()


def row_type(value: str) -> RowType | None:
    """The row's type, or None if the site does not run it."""
    words = value.split()
    if not words:
        return None
    head = words[0].lower()
    if len(words) >= 2 and f"{head}_{words[1].lower()}" in {*BEGIN, *END, *SELECT_TYPES}:
        head, words = f"{head}_{words[1].lower()}", [f"{head}_{words[1]}", *words[2:]]
    if head in SELECT_TYPES and len(words) == 2:
        return RowType(SELECT_TYPES[head], list_name=words[1])
    if len(words) != 1:
        return None
    if head in SIMPLE_TYPES:
        return RowType(SIMPLE_TYPES[head])
    if head in BEGIN:
        return RowType(BEGIN[head], begin=True)
    if head in END:
        return RowType(END[head], end=True)
    return None


def column_letter(index: int) -> str:
    """The spreadsheet's letter for a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
