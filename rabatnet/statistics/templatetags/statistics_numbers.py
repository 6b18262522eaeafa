"""Numbers as published, grouped in the page's language: ``{{ point.text|exact }}``."""

import re
from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rabatnet.statistics.profile import Series

register = template.Library()

INTEGER = re.compile(r"^-?\d+$")
DECIMAL = re.compile(r"^-?\d+\.(\d+)$")


@register.filter
def exact(text: str | None) -> str:
    """Thousands separators of the language, every published digit kept.

    Integers go through humanize's ``intcomma``; a decimal keeps as many decimals as
    the publisher wrote (``10.6434`` stays ``10.6434``, ``10,6434`` in French).
    """
    if text is None:
        return ""
    text = str(text)
    if INTEGER.match(text):
        return intcomma(int(text))
    match = DECIMAL.match(text)
    if match:
        return number_format(
            Decimal(text), decimal_pos=len(match[1]), use_l10n=True, force_grouping=True
        )
    return text


@register.filter
def to_int(text: str | None) -> int:
    """A published figure as an integer, for plural forms (``count``); 0 when not one."""
    try:
        return int(Decimal(str(text)))
    except ArithmeticError:
        return 0


@register.simple_tag
def year_rows(*series: Series) -> SafeString:
    """``{% year_rows a b %}``: table rows, newest year first, a published figure per series.

    Built here rather than with template loops: a profile has some 400 of these cells.
    """
    by_year: dict[int, list[str | None]] = {}
    for column, one in enumerate(series):
        for point in one.points:
            by_year.setdefault(point.year, [None] * len(series))[column] = point.text
    rows = []
    for year, values in sorted(by_year.items(), reverse=True):
        cells = "".join(
            f'<td class="num">{escape(exact(value)) if value else "—"}</td>' for value in values
        )
        rows.append(f'<tr><th scope="row">{int(year)}</th>{cells}</tr>')
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above, years are ints
