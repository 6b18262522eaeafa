"""XLSForms as people really bring them (issue 13, polish): sheets and headers in other
capitalisation and with spaces, a plain ``label`` beside ``label::English (en)``, hints in
French only, KoboToolbox's own columns and metadata rows, ``required`` in every spelling,
no settings sheet, unknown types, duplicate choices, pyxform's refusals in plain words, an
existing form ID; each problem by sheet, row and column in English and French, nothing
written, never a traceback."""

import html
import io
import zipfile
from collections.abc import Mapping, Sequence
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from ..models import Choice, ChoiceList, Question, Questionnaire
from ..xlsform_import import import_xlsform
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::French (fr)"],
    ["yes_no", "yes", "Yes", "Oui"],
    ["yes_no", "no", "No", "Non"],
]
SETTINGS = [["form_title", "form_id"], ["Real form", "real_form"]]


def book(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _texts(obj: object, *fields: str) -> tuple[str, ...]:
    """Translated fields (``label_en``…) by name."""
    return tuple(getattr(obj, field) for field in fields)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Questionnaire, ChoiceList, Choice, Question))


def _created(content: bytes, name: str = "") -> Questionnaire:
    result = import_xlsform(content=content, actor=None, file_name=name)
    assert result.questionnaire is not None, [i.line("en") for i in result.issues]
    return result.questionnaire


def _refused(content: bytes, name: str = "") -> tuple[list[str], list[str]]:
    before = _counts()
    result = import_xlsform(content=content, actor=None, file_name=name)
    assert result.questionnaire is None
    assert _counts() == before
    return [i.line("en") for i in result.issues], [i.line("fr") for i in result.issues]


def test_sheet_names_and_headers_in_other_capitalisation_and_spacing() -> None:
    content = book(
        {
            " Survey ": [
                ["Type", " Name ", "Label::English (en)", "LABEL::French (fr)", "Required"],
                ["select_one yes_no", "has", "Has?", "A ?", "YES"],
                ["begin group", "grp", "Group", "Groupe", ""],
                ["integer ", "n", "N", "N", "TRUE()"],
                ["end group", "", "", "", ""],
            ],
            "CHOICES": CHOICES,
            "Settings": SETTINGS,
        }
    )
    questionnaire = _created(content)
    rows = list(questionnaire.questions.order_by("position").values_list("name", "required"))
    assert rows == [("has", True), ("grp", False), ("n", True)]


def test_a_type_in_capitals_is_named_with_its_lower_case() -> None:
    survey = [["type", "name", "label"], ["Select_One yes_no", "has", "Has?"], ["Text", "t", "T"]]
    en, fr = _refused(book({"survey": survey, "choices": CHOICES, "settings": SETTINGS}))
    assert en == [
        "sheet survey, row 2, column A (type): ODK and KoboToolbox read a type in lower case "
        "only: write “select_one yes_no”, not “Select_One yes_no”.",
        "sheet survey, row 3, column A (type): ODK and KoboToolbox read a type in lower case "
        "only: write “text”, not “Text”.",
    ]
    assert len(fr) == 2


def test_headers_with_spaces_for_underscores_as_pyxform_reads_them() -> None:
    survey = [
        [
            "type",
            "name",
            "label",
            "required",
            "required message",
            "constraint",
            "Constraint Message",
        ],
        ["select_one yes_no", "has", "Has?", "yes", "Say it", "", ""],
        ["integer", "n", "N", "", "", ". >= 0", "Not negative"],
    ]
    choices = [["list name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]
    questionnaire = _created(book({"survey": survey, "choices": choices, "settings": SETTINGS}))
    has, n = questionnaire.questions.order_by("position")
    assert _texts(has, "required_message_en") == ("Say it",)
    assert _texts(n, "constraint_message_en") == ("Not negative",)
    assert list(questionnaire.choice_lists.get().choices.values_list("name", flat=True)) == [
        "yes",
        "no",
    ]


@pytest.mark.parametrize("value", ["yes", "Yes", "true", "TRUE", "true()", "TRUE()", "1", True, 1])
def test_required_in_every_spelling(value: object) -> None:
    survey: list[list[object]] = [
        ["type", "name", "label", "required"],
        ["text", "unit", "Unit", value],
    ]
    questionnaire = _created(book({"survey": survey, "settings": SETTINGS}))
    assert questionnaire.questions.get().required is True


def test_a_plain_label_beside_label_english_and_a_french_hint_alone() -> None:
    survey = [
        ["type", "name", "label", "label::English (en)", "label::French (fr)", "hint::French (fr)"],
        ["text", "a", "", "Unit", "Service", "Le service qui répond"],
        ["text", "b", "Budget", "", "Budget (fr)", ""],
    ]
    questionnaire = _created(book({"survey": survey, "settings": SETTINGS}))
    first, second = questionnaire.questions.order_by("position")
    assert tuple(getattr(first, f) for f in ("label_en", "label_fr", "hint_fr")) == (
        "Unit",
        "Service",
        "Le service qui répond",
    )
    assert _texts(second, "label_en", "label_fr") == ("Budget", "Budget (fr)")


def test_a_plain_label_that_disagrees_with_label_english_is_named() -> None:
    survey = [
        ["type", "name", "label", "label::English (en)"],
        ["text", "a", "Unit", "Department"],
    ]
    en, fr = _refused(book({"survey": survey, "settings": SETTINGS}))
    assert any(line.startswith("sheet survey, row 2, column C (label)") for line in en), en
    assert any("Department" in line and "Unit" in line for line in en)
    assert any(line.startswith("feuille survey, ligne 2") for line in fr), fr


def test_a_kobotoolbox_download_with_its_own_columns_and_metadata_rows() -> None:
    """KoboToolbox's "Download XLS": ``$kuid``/``$autoname`` columns, ``start``/``end``
    metadata rows, ``required`` as true/false, settings with ``id_string``."""
    survey = [
        ["type", "$kuid", "name", "$autoname", "label", "label::French (fr)", "required"],
        ["start", "k1", "start", "start", "", "", ""],
        ["end", "k2", "end", "end", "", "", ""],
        ["today", "k3", "today", "today", "", "", ""],
        ["deviceid", "k4", "deviceid", "deviceid", "", "", ""],
        ["select_one yes_no", "k5", "has", "has", "Has sources?", "Des sources ?", "true"],
        ["text", "k6", "unit", "unit", "Unit", "Service", "false"],
    ]
    settings = [["id_string", "version", "form_title"], ["kobo_form", "1 (2026-03-01)", "Kobo"]]
    questionnaire = _created(book({"survey": survey, "choices": CHOICES, "settings": settings}))
    assert questionnaire.form_id == "kobo_form"
    assert list(questionnaire.questions.values_list("name", "required")) == [
        ("has", True),
        ("unit", False),
    ]


def test_no_settings_sheet_takes_the_form_id_from_the_file_name(tmp_path: Path) -> None:
    survey = [["type", "name", "label"], ["text", "unit", "Unit"]]
    content = book({"survey": survey})
    questionnaire = _created(content, "my_survey.xlsx")
    assert (questionnaire.form_id, *_texts(questionnaire, "title_en")) == ("my_survey",) * 2
    path = tmp_path / "from_command.xlsx"
    path.write_bytes(content)
    out = StringIO()
    call_command("import_xlsform", str(path), stdout=out)
    assert "from_command" in out.getvalue() and "file name" in out.getvalue()


def test_no_settings_sheet_and_a_file_name_that_is_no_form_id() -> None:
    content = book({"survey": [["type", "name", "label"], ["text", "unit", "Unit"]]})
    en, fr = _refused(content, "Mon questionnaire (1).xlsx")
    assert en == [
        "sheet settings: There is no settings sheet, and the file name "
        "“Mon questionnaire (1)” cannot be a form_id: add a settings sheet with a form_id "
        "and a form_title, or rename the file (letters, digits, underscores)."
    ]
    assert fr[0].startswith("feuille settings")


def test_unknown_types_are_named_by_sheet_row_and_column() -> None:
    survey = [
        ["type", "name", "label"],
        ["text", "a", "A"],
        ["select_one yes_no or_other", "b", "B"],
        ["range", "c", "C"],
        ["barcode", "d", "D"],
    ]
    en, fr = _refused(book({"survey": survey, "choices": CHOICES, "settings": SETTINGS}))
    assert [line.split(":")[0] for line in en] == [
        "sheet survey, row 3, column A (type)",
        "sheet survey, row 4, column A (type)",
        "sheet survey, row 5, column A (type)",
    ]
    assert "“range”" in en[1] and "“barcode”" in en[2]
    assert len(fr) == 3 and all(line.startswith("feuille survey, ligne") for line in fr)


def test_choices_with_duplicate_names_are_named() -> None:
    choices = [*CHOICES, ["yes_no", "yes ", "Yes again", "Oui encore"]]
    survey = [["type", "name", "label"], ["select_one yes_no", "a", "A"]]
    en, _fr = _refused(book({"survey": survey, "choices": choices, "settings": SETTINGS}))
    assert en == [
        "sheet choices, row 4, column B (name): The code “yes” appears twice in the list “yes_no”."
    ]


def test_an_existing_form_id_is_refused_clearly() -> None:
    make_questionnaire("real_form")
    survey = [["type", "name", "label"], ["text", "unit", "Unit"]]
    en, fr = _refused(book({"survey": survey, "settings": SETTINGS}))
    assert en == [
        "sheet settings, row 2, column B (form_id): A questionnaire with the form_id "
        "“real_form” already exists; export it, or give the file another form_id."
    ]
    assert "real_form" in fr[0]


def test_a_form_pyxform_refuses_is_explained_in_plain_words(monkeypatch) -> None:
    """What the site's own checks pass but pyxform refuses: its words are introduced and,
    for the errors people meet, explained."""
    from pyxform.errors import PyXFormError

    def refuse(*args: object, **kwargs: object) -> None:
        raise PyXFormError("[row : 3] On the 'survey' sheet, unmatched 'end_group'. Error.")

    monkeypatch.setattr("pyxform.xls2xform.convert", refuse)
    survey = [["type", "name", "label"], ["text", "unit", "Unit"]]
    en, fr = _refused(book({"survey": survey, "settings": SETTINGS}))
    assert en[0].startswith("sheet survey, row 3: pyxform, the converter ODK and KoboToolbox")
    assert "unmatched 'end_group'" in en[0]
    assert fr[0].startswith("feuille survey, ligne 3")


def _damaged() -> bytes:
    good = book({"survey": [["type", "name", "label"], ["text", "unit", "Unit"]]})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[:-40] if "worksheets/sheet" in info.filename else data)
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 100, b"PK\x03\x04junk", b"random bytes " * 50],
    ids=["empty", "nul", "zip-head", "text"],
)
def test_not_a_workbook_is_refused_in_words(content: bytes) -> None:
    en, fr = _refused(content, "x.xlsx")
    assert en[0].startswith("sheet survey: The file is not an Excel workbook")
    assert fr[0].startswith("feuille survey")


def test_a_zip_that_is_no_workbook_and_a_damaged_sheet_are_refused_in_words() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    for content in (out.getvalue(), _damaged()):
        en, _fr = _refused(content, "x.xlsx")
        assert en[0].startswith("sheet survey: The file is not an Excel workbook"), en


def test_a_formula_cell_without_its_value_is_named() -> None:
    survey = [["type", "name", "label"], ["text", "unit", '=CONCAT("Un","it")']]
    en, _fr = _refused(book({"survey": survey, "settings": SETTINGS}))
    assert en[0].startswith("sheet survey, row 2, column C (label): "), en
    assert "formula" in en[0]


def test_the_command_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(_damaged())
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_xlsform", str(path), stderr=err)
    assert "not an Excel workbook" in err.getvalue() and "Traceback" not in err.getvalue()


def test_pyxform_refusals_people_meet_are_said_in_plain_words() -> None:
    survey = [["type", "name", "label"], ["text", "meta", "M"], ["text", "b", "B ${zz}"]]
    for rows, plain, row in (
        (survey[:2], "The name “meta” is kept by ODK for the form's metadata", 2),
        ([survey[0], survey[2]], "The text refers to ${zz}, but no question", 2),
    ):
        en, fr = _refused(book({"survey": rows, "settings": SETTINGS}))
        assert len(en) == 1 and en[0].startswith(f"sheet survey, row {row}: {plain}"), en
        assert "(pyxform, the converter ODK and KoboToolbox use, says: “" in en[0]
        assert "[row :" not in en[0]
        assert fr[0].startswith(f"feuille survey, ligne {row}")
        assert "pyxform" in fr[0]


def test_the_upload_page_takes_the_form_id_from_the_file_name(client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from rabatnet.network.tests import factories as f

    client.force_login(f.secretariat())
    content = book({"survey": [["type", "name", "label"], ["text", "unit", "Unit"]]})
    upload = SimpleUploadedFile("district_survey.xlsx", content)
    response = client.post(reverse("xlsform:import"), {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/private/questionnaires/district_survey/")
    assert "form_id and title are the file's name, “district_survey”" in html.unescape(
        response.content.decode()
    )
    bad = SimpleUploadedFile("Mon formulaire.xlsx", content)
    response = client.post(reverse("xlsform:import"), {"file": bad})
    assert response.status_code == 400
    assert "the file name “Mon formulaire” cannot be a form_id" in html.unescape(
        response.content.decode()
    )


def test_export_to_a_folder_is_refused_in_words(tmp_path: Path) -> None:
    make_questionnaire("real_form")
    (tmp_path / "taken.xlsx").mkdir()
    with pytest.raises(CommandError, match="cannot be written"):
        call_command("export_xlsform", "real_form", str(tmp_path / "taken.xlsx"))
