"""A request's file as PDF (WeasyPrint), in the page's language, as ``followup.report_pdf``
builds the follow-up report: the print template holds what the page holds."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from rabatnet.core.selectors import dialogue_name

from .file_data import RequestFile


def file_print_html(request_file: RequestFile) -> str:
    language = translation.get_language() or "en"
    context = {"file": request_file, "dialogue": dialogue_name(language), "print": True}
    return render_to_string("support/file_print.html", context)


def file_pdf(request_file: RequestFile) -> bytes:
    from weasyprint import HTML  # heavy import: only where a PDF is built

    return HTML(string=file_print_html(request_file), base_url=str(settings.BASE_DIR)).write_pdf()
