"""The matrix as an SVG heat map, drawn on the server: one ``<rect>`` per country × objective.

No ``style`` attribute and no ``<style>`` element (the page's CSP): colours are presentation
attributes (``fill``), so the same markup is the inline picture and the download. Accessible:
``role="img"`` with ``<title>`` and ``<desc>``, a ``<title>`` on every cell, a legend with the
colours and the weights; the same figures are in the HTML table beside it.
"""

from html import escape

from django.utils.translation import gettext as _

from . import progress
from .matrix import Matrix, MatrixCell

CELL_W, CELL_H = 34, 18
LEFT, TOP = 210, 34  # room for the country names and the objective numbers
LEGEND_ROW = 18


def _a(value: object) -> str:
    return escape(str(value), quote=True)


def _title_formats() -> tuple[str, str, str]:
    """The cell title's parts in the active language, looked up once per picture."""
    return (
        _("%(country)s, objective %(number)s: %(status)s"),
        _("(weight %(weight)s)"),
        _("%(n)s published initiatives"),
    )


def _cell_title(formats: tuple[str, str, str], country: str, cell: MatrixCell) -> str:
    head, weight_part, initiatives = formats
    text = head % {"country": country, "number": cell.objective, "status": cell.label}
    if cell.weight is not None:
        text += " " + weight_part % {"weight": cell.weight}
    return text + "; " + initiatives % {"n": cell.initiatives}


def _legend(y: int) -> list[str]:
    out = [
        f'<g class="legend" transform="translate(4 {y})">',
        f'<text x="0" y="12" font-weight="bold">{escape(_("Verified status (weight)"))}</text>',
    ]
    entries = [*progress.legend()]
    for i, entry in enumerate(entries):
        row_y = 20 + i * LEGEND_ROW
        label = entry.label
        if entry.weight is not None:
            label += f" ({entry.weight})"
        else:
            label += " " + _("(left out)")
        out.append(
            f'<rect x="0" y="{row_y}" width="14" height="14" fill="{entry.colour}" '
            f'stroke="#555"/><text x="20" y="{row_y + 11}">{escape(label)}</text>'
        )
    row_y = 20 + len(entries) * LEGEND_ROW
    out.append(
        f'<rect x="0" y="{row_y}" width="14" height="14" fill="{progress.COLOURS[""]}" '
        f'stroke="#555"/><text x="20" y="{row_y + 11}">'
        f"{escape(progress.status_label(''))}</text>"
    )
    out.append("</g>")
    return out


def render_matrix_svg(matrix: Matrix, *, standalone: bool = False) -> str:
    """The ``<svg>`` element (``standalone``: with the XML declaration, for the download)."""
    columns = len(matrix.objectives)
    width = max(LEFT + columns * CELL_W + 10, 420)
    grid_h = TOP + len(matrix.rows) * CELL_H
    height = grid_h + 30 + (len(progress.ORDER) + 2) * LEGEND_ROW
    title = _("Verified progress by country and objective, %(cycle)s") % {
        "cycle": matrix.cycle.title
    }
    if matrix.example:
        title += " — " + _("Example content")
    desc = _(
        "Heat map of %(rows)s countries and %(columns)s objectives: each cell is the status "
        "the secretariat verified (published data only); blank where none is published. "
        "The same figures are in the table of the page and in the CSV download."
    ) % {"rows": len(matrix.rows), "columns": columns}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="matrix-svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="11" '
        f'aria-labelledby="matrix-title matrix-desc">',
        f'<title id="matrix-title">{escape(title)}</title>',
        f'<desc id="matrix-desc">{escape(desc)}</desc>',
        '<g class="objectives">',
    ]
    for i, objective in enumerate(matrix.objectives):
        x = LEFT + i * CELL_W + CELL_W // 2
        out.append(
            f'<text x="{x}" y="{TOP - 8}" text-anchor="middle">'
            f"<title>{escape(str(objective))}</title>{objective.number}</text>"
        )
    out.append('</g><g class="cells" stroke="#bbb">')
    formats = _title_formats()
    for r, row in enumerate(matrix.rows):
        y = TOP + r * CELL_H
        name = row.country.name
        shown = name if len(name) <= 32 else name[:31] + "…"
        out.append(
            f'<text x="{LEFT - 6}" y="{y + 13}" text-anchor="end" stroke="none">'
            f"{escape(shown)}</text>"
        )
        for c, cell in enumerate(row.cells):
            x = LEFT + c * CELL_W
            out.append(
                f'<rect x="{x}" y="{y}" width="{CELL_W - 2}" height="{CELL_H - 2}" '
                f'fill="{cell.colour}" data-iso3="{_a(cell.iso3)}" '
                f'data-objective="{cell.objective}" data-status="{_a(cell.status)}">'
                f"<title>{escape(_cell_title(formats, name, cell))}</title></rect>"
            )
            if cell.initiatives:
                dark = cell.status in ("achieved", "in_progress")
                out.append(
                    f'<text x="{x + (CELL_W - 2) // 2}" y="{y + 12}" text-anchor="middle" '
                    f'font-size="9" stroke="none" fill="{"#fff" if dark else "#222"}" '
                    'aria-hidden="true">'
                    f"{cell.initiatives}</text>"
                )
    out.append("</g>")
    out.extend(_legend(grid_h + 14))
    out.append("</svg>")
    svg = "".join(out)
    if standalone:
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"
    return svg
