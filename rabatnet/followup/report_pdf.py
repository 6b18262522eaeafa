"""A country's follow-up report as PDF (WeasyPrint), in the page's language.

The print template holds the same lines as the page (``report_data.build_report``); text
typed by countries is cleaned as for every export (``guides.rendering.export_text``).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from rabatnet.core.selectors import dialogue_name

from . import progress
from .report_data import Report


def report_print_html(report: Report) -> str:
    language = translation.get_language() or "en"
    context = {
        "report": report,
        "dialogue": dialogue_name(language),
        "formula": progress.formula_text("country"),
        "weights_text": progress.weights_text(),
        "basis": progress.basis_text(report.cycle.title) if report.cycle else "",
        "legend": progress.legend(),
        "print": True,
    }
    return render_to_string("followup/report_print.html", context)


def report_pdf(report: Report) -> bytes:
    from weasyprint import HTML  # heavy import: only where a PDF is built

    return HTML(string=report_print_html(report), base_url=str(settings.BASE_DIR)).write_pdf()
