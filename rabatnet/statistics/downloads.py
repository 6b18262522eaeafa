"""Downloads of one indicator for a choice of countries and years: CSV (with an optional HXL
hashtag row), XLSX and SDMX-CSV.

Values are written with their exact digits (``value_text``): a published value's digits equal
the digits in the publisher's file; a derived one (``status`` "derived") is the result of its
dataset's derivation, whose formula the XLSX "About" sheet gives. Each row says its unit, the
part of a partial period it covers, and what kind of code its country and partner are
(country, aggregate, route, unknown, stateless). In XLSX a value is written as a number only
when Excel can hold it exactly (at most 15 significant digits) and a number format shows the
same digits; otherwise it is written as text.
"""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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
    "status",  # "published" or "derived"
    "covers",  # the part of a partial period ("2025-01/2025-04"); empty when whole
    "country_kind",
    "partner_kind",
]
STATUS = {False: "published", True: "derived"}
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
    "#status",
    "#date+covered",
    "#country+type",
    "#country+type+partner",
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
    "VALUE_STATUS",
    "TIME_COVERED",
    "REF_AREA_TYPE",
    "COUNTERPART_AREA_TYPE",
]
FORMATS = {"csv": "CSV", "xlsx": "XLSX", "sdmx-csv": "SDMX-CSV"}
EXCEL_DIGITS = 15  # significant digits an Excel number holds exactly


@dataclass(frozen=True)
class DownloadQuery:
    indicator: Indicator
    countries: list[str]  # geographic codes; empty for every code
    partners: list[str]  # codes, "none", "all"; empty: see selectors.partner_condition
    year_from: int | None
    year_to: int | None
    format: str = "csv"
    hxl: bool = False

    def filename(self) -> str:
        years = "-".join(str(y) for y in (self.year_from, self.year_to) if y is not None)
        extension = "xlsx" if self.format == "xlsx" else "csv"
        suffix = "-sdmx" if self.format == "sdmx-csv" else ""
        return f"rabatnet-{self.indicator.code}{'-' + years if years else ''}{suffix}.{extension}"

    def params(self) -> dict:
        """The query as plain data (for a background build and a file's key), in one order."""
        return {
            "indicator": self.indicator.code,
            "countries": sorted(set(self.countries)),
            "partners": sorted(set(self.partners)),
            "year_from": self.year_from,
            "year_to": self.year_to,
            "format": self.format,
            "hxl": self.hxl,
        }

    @classmethod
    def from_params(cls, params: dict) -> "DownloadQuery":
        indicator = selectors.indicator_by_code(params["indicator"])
        if indicator is None:
            raise LookupError(f"unknown indicator {params['indicator']!r}")
        return cls(**{**params, "indicator": indicator})


@dataclass(frozen=True)
class Line:
    """One observation as a download shows it."""

    country: str
    country_name: str
    country_kind: str
    partner: str
    partner_name: str
    partner_kind: str
    period: str
    covers: str
    value: str
    flags: str
    derived: bool
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
    for code, name_en, name, kind, partner, partner_en, partner_name, partner_kind, *rest in rows:
        period, covers, value, flags, derived, dataset_id = rest
        yield Line(
            code,
            name or name_en,
            kind,
            partner or "",
            (partner_name or partner_en or "") if partner else "",
            partner_kind or "",
            period,
            covers,
            value,
            flags,
            derived,
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
        STATUS[line.derived],
        line.covers,
        line.country_kind,
        line.partner_kind,
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
            [
                dataflow,
                line.country,
                line.partner,
                code,
                line.period,
                line.value,
                line.flags,
                unit,
                STATUS[line.derived].upper(),
                line.covers,
                line.country_kind.upper(),
                line.partner_kind.upper(),
            ]
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
    query: DownloadQuery, datasets: dict[int, Dataset], page_url: Callable[[Dataset], str]
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
        [
            _("status"),
            _(
                "published: as the publisher released it; derived: computed by the "
                "derivation of its dataset (below) from published figures"
            ),
        ],
        [_("covers"), _("empty when the value covers its whole period; else the part it covers")],
        [],
    ]
    derivations = selectors.derivations_of(indicator=indicator, dataset_ids=datasets)
    for dataset in datasets.values():
        derivation = derivations.get(dataset.pk)
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
        ]
        if derivation is not None:
            rows += [
                [_("derived values: formula"), derivation.formula],
                [_("derived values: inputs"), derivation.inputs],
                [_("derived values: derived by"), derivation.derived_by],
            ]
        rows.append([])
    return rows


def xlsx_save(
    query: DownloadQuery, page_url: Callable[[Dataset], str], target: str | Path | BinaryIO
) -> None:
    """The XLSX download: the data sheet, then "About" with the provenance of each dataset
    and the derivation of its derived values."""
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
    for row in _about_rows(query, used, page_url):
        about.append(row)
    workbook.save(target)
