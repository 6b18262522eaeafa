"""The French catalogue is complete, and the French pages use it.

The catalogue is read as text: no gettext tool is needed for the completeness checks.
``make messages`` compiles it to the .mo that the page test relies on.
"""

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sd]")


@dataclass
class Entry:
    flags: set[str] = field(default_factory=set)
    msgid: str = ""
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    line: int = 0

    def label(self) -> str:
        return f"line {self.line}: {self.msgid!r}"


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


def parse_po(path: Path) -> list[Entry]:
    """The live entries of a .po file: obsolete ``#~`` ones are left out, the header too."""
    entries: list[Entry] = []
    entry = Entry()
    current: str | None = None

    def close() -> None:
        nonlocal entry, current
        if entry.msgid or entry.msgstrs:
            entries.append(entry)
        entry, current = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            entry.msgid_plural, current = _unquote(line[len("msgid_plural ") :]), "plural"
        elif line.startswith("msgid "):
            if entry.msgstrs:  # an entry without a blank line before it
                close()
            entry.msgid, entry.line, current = _unquote(line[len("msgid ") :]), number, "msgid"
        elif line.startswith("msgstr"):
            entry.msgstrs.append(_unquote(line.split(" ", 1)[1]))
            current = "msgstr"
        elif line.startswith('"') and current == "msgid":
            entry.msgid += _unquote(line)
        elif line.startswith('"') and current == "plural":
            entry.msgid_plural = (entry.msgid_plural or "") + _unquote(line)
        elif line.startswith('"') and current == "msgstr":
            entry.msgstrs[-1] += _unquote(line)
    close()
    return [e for e in entries if e.msgid]


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return parse_po(CATALOGUE)


def test_the_catalogue_has_entries(entries):
    assert len(entries) > 100


def test_every_entry_is_translated(entries):
    untranslated = [e.label() for e in entries if not e.msgstrs or not all(e.msgstrs)]
    assert not untranslated, "untranslated in django.po:\n" + "\n".join(untranslated)


def test_plural_entries_have_both_french_forms(entries):
    wrong = [e.label() for e in entries if e.msgid_plural is not None and len(e.msgstrs) != 2]
    assert not wrong, "plural entries without msgstr[0] and msgstr[1]:\n" + "\n".join(wrong)


def test_no_entry_is_fuzzy(entries):
    fuzzy = [e.label() for e in entries if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy in django.po (Django ignores them):\n" + "\n".join(fuzzy)


def test_the_header_is_not_fuzzy_and_says_french():
    header = CATALOGUE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "#, fuzzy" not in header
    assert '"Language: fr\\n"' in header
    assert "plural=(n > 1)" in header


def test_translations_keep_the_placeholders(entries):
    wrong = []
    for e in entries:
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid, e.msgid_plural]
        expected = set().union(*(PLACEHOLDER.findall(s) for s in sources))
        for msgstr in e.msgstrs:
            if msgstr and set(PLACEHOLDER.findall(msgstr)) != expected:
                wrong.append(f"{e.label()} -> {msgstr!r}")
    assert not wrong, "placeholders changed:\n" + "\n".join(wrong)


@pytest.mark.parametrize("option", ["--untranslated", "--only-fuzzy"])
def test_msgattrib_finds_nothing_left_to_do(option):
    result = subprocess.run(
        ["msgattrib", option, str(CATALOGUE)], capture_output=True, text=True, check=True
    )
    assert result.stdout == ""


def test_msgfmt_accepts_the_catalogue():
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_the_french_home_page_is_in_french(client):
    response = client.get("/fr/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pays membres" in html
    assert "Se connecter" in html
    assert "Member countries" not in html
