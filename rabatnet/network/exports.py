"""The directory as CSV, for the secretariat: every field, UTF-8 with a BOM for spreadsheets.

A cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
carriage return) gets a leading apostrophe (OWASP "CSV injection").
"""

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .visibility import PersonCard

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, defused if a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return pgettext("a yes/no value", "yes") if value else pgettext("a yes/no value", "no")


def _posts(card: PersonCard) -> str:
    return "; ".join(
        " — ".join(
            filter(
                None,
                [
                    str(a.get_role_display()),
                    a.country.name if a.country else "",
                    a.theme.title if a.theme else "",
                ],
            )
        )
        for a in card.appointments
    )


def directory_csv(cards: Iterable[PersonCard]) -> str:
    """The CSV text (BOM first) of ``cards``, one row per person."""
    header = [
        _("Identifier"),
        _("Name"),
        _("Position"),
        _("Organisation"),
        _("Countries"),
        _("Posts"),
        _("E-mail"),
        _("Telephone"),
        _("Language of correspondence"),
        _("Working languages"),
        _("Listed in the directory"),
        _("E-mail shown to members"),
        _("Telephone shown to members"),
        _("Last confirmed"),
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for card in cards:
        confirmed = card.details_confirmed_at
        row = [
            card.pk,
            card.name,
            card.job_title,
            card.organisation,
            ", ".join(card.countries),
            _posts(card),
            card.email,
            card.phone,
            card.language,
            " ".join(card.working_languages),
            _yes_no(card.listed),
            _yes_no(card.share_email),
            _yes_no(card.share_phone),
            confirmed.date().isoformat() if confirmed else "",
        ]
        writer.writerow([safe_cell(value) for value in row])
    return BOM + out.getvalue()
