"""Figures grouped in the page's language (``{{ point.text|exact }}``), tables, source lines."""

import html
import re
from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from rabatnet.countries.models import Country
from rabatnet.statistics import profile_types
from rabatnet.statistics.profile_types import Point, Ranked, Ranking, Series, SourceLine

register = template.Library()

INTEGER = re.compile(r"^-?\d+$")
DECIMAL = re.compile(r"^-?\d+\.(\d+)$")
MARK = '<sup class="mark">†</sup>'  # a derived figure


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
def figure(point: Point | Ranked | None) -> str:
    """A figure in a sentence: ``exact``, marked † when derived (its source line says how)."""
    if point is None:
        return ""
    text = html.escape(exact(point.text))
    return mark_safe(f"{text}{MARK}" if point.derived else text)  # noqa: S308 - escaped


@register.filter
def to_int(text: str | None) -> int:
    """A published figure as an integer, for plural forms (``count``); 0 when not one."""
    try:
        return int(Decimal(str(text)))
    except ArithmeticError:
        return 0


def _cell(point: Point | None, source: str, derived: bool) -> str:
    """One figure: its year and dataset (``source``, escaped) for the source line, a mark
    when derived or partial."""
    if point is None:
        return '<td class="num">—</td>'
    text = html.escape(exact(point.text))
    if not (derived or point.derived or point.covers):  # the common case, kept cheap
        return f'<td class="num" data-year="{int(point.year)}" data-source="{source}">{text}</td>'
    classes, attributes, marks = "num", f' data-year="{int(point.year)}" data-source="{source}"', ""
    if derived or point.derived:
        classes, attributes, marks = f"{classes} derived", f"{attributes} data-derived", MARK
    if point.covers:
        classes += " partial"
        attributes += f' data-covers="{html.escape(point.covers)}"'
    return f'<td class="{classes}"{attributes}>{text}{marks}</td>'


@register.simple_tag
def year_rows(*series: Series) -> SafeString:
    """``{% year_rows a b %}``: table rows, newest year first, a figure per series.

    Each cell carries its year and dataset (``data-year``, ``data-source``: the source line
    of its block states that year); a derived figure is marked †, a partial year says which
    months it covers. Built here rather than with template loops: a profile has some 400 of
    these cells.
    """
    by_year: dict[int, list[Point | None]] = {}
    for column, one in enumerate(series):
        for point in one.points:
            by_year.setdefault(point.year, [None] * len(series))[column] = point
    sources = [html.escape(one.source.slug) if one.source else "" for one in series]
    rows = []
    for year, points in sorted(by_year.items(), reverse=True):
        cells = "".join(
            _cell(point, source, one.computed)
            for point, one, source in zip(points, series, sources, strict=True)
        )
        partial = next((p.partial for p in points if p is not None and p.covers), "")
        label = f"{int(year)} ({html.escape(partial)})" if partial else str(int(year))
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above, years are ints


@register.simple_tag
def source_lines(country: Country, *shown: Series | Ranking | None) -> list[SourceLine]:
    """``{% source_lines country a b as lines %}``: one line per dataset of the block."""
    return profile_types.source_lines(country.iso3, *shown)
