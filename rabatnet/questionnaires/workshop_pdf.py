"""A workshop's report as PDF (WeasyPrint), in the page's language, as
``support.file_pdf`` builds a request's file: the print template holds what the page holds."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from rabatnet.core.selectors import dialogue_name

from .workshop_report import WorkshopReport


def report_print_html(report: WorkshopReport) -> str:
    language = translation.get_language() or "en"
    context = {"report": report, "dialogue": dialogue_name(language), "print": True}
    return render_to_string("questionnaires/workshop_report_print.html", context)


def report_pdf(report: WorkshopReport) -> bytes:
    from weasyprint import HTML  # heavy import: only where a PDF is built

    return HTML(string=report_print_html(report), base_url=str(settings.BASE_DIR)).write_pdf()
