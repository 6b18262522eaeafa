"""Downloads of one indicator for a choice of countries and years: CSV (with an optional HXL
hashtag row), XLSX and SDMX-CSV.

Values are written as published (``value_text``): the digits in a download equal the
digits in the publisher's file. In XLSX a value is written as a number only when Excel
can hold it exactly (at most 15 significant digits) and a number format shows the same
digits; otherwise it is written as text.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from . import selectors
from .models import Dataset, Indicator

COLUMNS = [
    "indicator",
    "country",
    "country_name",
    "partner",
    "partner_name",
    "period",
    "value",
    "unit",
    "flags",
    "dataset",
    "publisher",
    "revision",
    "licence",
]
# The Humanitarian Exchange Language hashtag of each column, in the same order.
HXL_TAGS = [
    "#indicator+code",
    "#country+code",
    "#country+name",
    "#country+code+partner",
    "#country+name+partner",
    "#date+period",
    "#indicator+value+num",
    "#indicator+unit",
    "#meta+flags",
    "#meta+source+dataset",
    "#org+publisher",
    "#meta+revision",
    "#meta+licence",
]
# SDMX-CSV 1.0: the dataflow, then the dimensions, the measure and the attributes.
SDMX_COLUMNS = [
    "DATAFLOW",
    "REF_AREA",
    "COUNTERPART_AREA",
    "INDICATOR",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
    "UNIT_MEASURE",
]
FORMATS = {"csv": "CSV", "xlsx": "XLSX", "sdmx-csv": "SDMX-CSV"}
EXCEL_DIGITS = 15  # significant digits an Excel number holds exactly


@dataclass(frozen=True)
class DownloadQuery:
    indicator: Indicator
    countries: list[str]  # geographic codes; empty for every code
    partners: list[str]
    year_from: int | None
    year_to: int | None
    format: str = "csv"
    hxl: bool = False

    def filename(self) -> str:
        years = "-".join(str(y) for y in (self.year_from, self.year_to) if y is not None)
        extension = "xlsx" if self.format == "xlsx" else "csv"
        suffix = "-sdmx" if self.format == "sdmx-csv" else ""
        return f"rabatnet-{self.indicator.code}{'-' + years if years else ''}{suffix}.{extension}"


@dataclass(frozen=True)
class Line:
    """One observation as a download shows it."""

    country: str
    country_name: str
    partner: str
    partner_name: str
    period: str
    value: str
    flags: str
    dataset: Dataset


def _name_fields(prefix: str) -> tuple[str, str]:
    language = (get_language() or "en").split("-")[0]
    return f"{prefix}__name_en", f"{prefix}__name_{language if language == 'fr' else 'en'}"


def lines(query: DownloadQuery) -> Iterator[Line]:
    """The observations asked for, by country, partner and period; read in chunks."""
    datasets = selectors.datasets_by_pk()
    rows = selectors.download_rows(
        indicator=query.indicator,
        countries=query.countries,
        partners=query.partners,
        year_from=query.year_from,
        year_to=query.year_to,
        name_columns=(*_name_fields("geo"), *_name_fields("partner")),
    )
    for code, name_en, name, partner, partner_name_en, partner_name, *rest in rows:
        period, value, flags, dataset_id = rest
        yield Line(
            code,
            name or name_en,
            partner or "",
            (partner_name or partner_name_en or "") if partner else "",
            period,
            value,
            flags,
            datasets[dataset_id],
        )


def _record(indicator: Indicator, line: Line) -> list[str]:
    dataset = line.dataset
    return [
        indicator.code,
        line.country,
        line.country_name,
        line.partner,
        line.partner_name,
        line.period,
        line.value,
        indicator.unit,
        line.flags,
        dataset.slug,
        dataset.publisher.name,
        dataset.revision,
        dataset.licence,
    ]


class _Echo:
    """A file-like object whose ``write`` hands back the line: csv.writer for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(query: DownloadQuery) -> Iterator[str]:
    """The CSV download, line by line (for a streaming response)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    if query.hxl:
        yield writer.writerow(HXL_TAGS)
    for line in lines(query):
        yield writer.writerow(_record(query.indicator, line))


def sdmx_csv_chunks(query: DownloadQuery) -> Iterator[str]:
    """The SDMX-CSV 1.0 download, line by line; codes of the dataflow in capitals."""
    writer = csv.writer(_Echo())
    code = query.indicator.code.upper()
    dataflow = f"RABATNET:{code}(1.0)"
    unit = query.indicator.unit.upper()
    yield writer.writerow(SDMX_COLUMNS)
    for line in lines(query):
        yield writer.writerow(
            [dataflow, line.country, line.partner, code, line.period, line.value, line.flags, unit]
        )


def excel_number(text: str) -> tuple[float, str] | None:
    """(number, number format) when Excel shows exactly ``text``; None to write it as text."""
    unsigned = text.removeprefix("-")
    whole, _, decimals = unsigned.partition(".")
    if not whole.isdigit() or (decimals and not decimals.isdigit()):
        return None
    if len((whole + decimals).lstrip("0")) > EXCEL_DIGITS:
        return None
    number = float(text)
    if f"{number:.{len(decimals)}f}" != text:  # a leading zero ("007")
        return None
    if number == 0 and text.startswith("-"):  # Excel has no negative zero
        return None
    return number, ("0." + "0" * len(decimals)) if decimals else "0"


def _about_rows(
    query: DownloadQuery, datasets: Iterable[Dataset], page_url: Callable[[Dataset], str]
) -> list[list]:
    indicator = query.indicator
    countries = ", ".join(query.countries) or _("all")
    years = f"{query.year_from or '…'}–{query.year_to or '…'}"
    rows: list[list] = [
        [_("rabatnet download"), timezone.now().strftime("%Y-%m-%d %H:%M UTC")],
        [_("indicator"), indicator.code],
        [_("indicator name"), indicator.name],
        [_("unit"), indicator.unit],
        [_("definition"), indicator.definition],
        [_("countries"), countries],
        [_("partners"), ", ".join(query.partners) or _("all")],
        [_("years"), years],
        [],
    ]
    for dataset in datasets:
        rows += [
            [_("dataset"), dataset.slug],
            [_("title"), dataset.title],
            [_("publisher"), dataset.publisher.name],
            [_("revision"), dataset.revision],
            [_("licence"), dataset.licence],
            [_("licence address"), dataset.licence_url],
            [_("source"), dataset.source_url],
            [_("retrieved on"), dataset.retrieved_on.isoformat()],
            [_("released on"), dataset.released_on.isoformat()],
            [_("caveats"), dataset.caveats],
            [_("page"), page_url(dataset)],
            [],
        ]
    return rows


def xlsx_bytes(query: DownloadQuery, page_url: Callable[[Dataset], str]) -> bytes:
    """The XLSX download: the data sheet, then "About" with the provenance of each dataset."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(COLUMNS)
    if query.hxl:
        sheet.append(HXL_TAGS)
    value_column = COLUMNS.index("value")
    used: dict[int, Dataset] = {}
    for line in lines(query):
        used.setdefault(line.dataset.pk, line.dataset)
        record: list = _record(query.indicator, line)
        exact = excel_number(line.value)
        if exact is not None:
            cell = WriteOnlyCell(sheet, value=exact[0])
            cell.number_format = exact[1]
            record[value_column] = cell
        sheet.append(record)
    about = workbook.create_sheet("About")
    for row in _about_rows(query, used.values(), page_url):
        about.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
