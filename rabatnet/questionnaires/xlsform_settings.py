"""The settings sheet of an XLSForm: the form_id (or the file's name, as pyxform takes it
when there is no settings sheet), the title in each language, the version, the default
language and the part of the guide. Checked here; written by ``xlsform_import``."""

from django.utils.translation import gettext_lazy as _

from .models import RESERVED_FORM_IDS, GuidePart, Questionnaire
from .xlsform_checks import SITE_LANGUAGES, Plan, _valid_name
from .xlsform_columns import header_of, language_of
from .xlsform_reading import Issue, Sheet, issue

# Other names pyxform and KoboToolbox give the settings' columns.
SETTING_ALIASES = {
    "id_string": "form_id",
    "set_form_id": "form_id",
    "set form id": "form_id",
    "title": "form_title",
    "set_form_title": "form_title",
    "set form title": "form_title",
}


def _file_stem(file_name: str) -> str:
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def read_settings(sheets: dict[str, Sheet], plan: Plan, issues: list[Issue], file_name: str) -> str:
    """Read the settings sheet into ``plan``; the default language. Without a settings sheet
    (or without a form_id) the form_id is the file's name, as pyxform and ODK take it."""
    sheet = sheets.get("settings")
    stem = _file_stem(file_name)
    if sheet is None or not sheet.rows:
        if stem and _valid_name(stem):
            sheet = Sheet("settings", ["form_id", "form_title"], [(2, [stem, stem])])
            plan.settings["from_file_name"] = stem
        else:
            issues.append(
                issue(
                    "settings",
                    None,
                    "",
                    _(
                        "There is no settings sheet, and the file name “%(value)s” cannot be a "
                        "form_id: add a settings sheet with a form_id and a form_title, or "
                        "rename the file (letters, digits, underscores)."
                    )
                    if stem
                    else _(
                        "The settings sheet is missing or empty: it gives the form_id, the "
                        "title and the default language."
                    ),
                    value=stem,
                )
            )
            return "en"
    number, cells = sheet.rows[0]
    values: dict[str, tuple[int, str]] = {}
    for i, h in enumerate(sheet.headers):
        name = header_of(h)[0] if h and "::" not in h else ""
        if name:
            values.setdefault(SETTING_ALIASES.get(name, name), (i, h))

    def value(name: str) -> tuple[str, str]:
        if name not in values:
            return "", ""
        index = values[name][0]
        return sheet.cell(cells, index), sheet.column(index)

    default = "en"
    language, where = value("default_language")
    if language:
        code = language_of(language)
        if code not in SITE_LANGUAGES:
            issues.append(
                issue(
                    "settings",
                    number,
                    where,
                    _("The default language “%(value)s” is neither English (en) nor French (fr)."),
                    value=language,
                )
            )
        else:
            default = code
    form_id, where = value("form_id")
    where = where or "form_id"
    if not form_id and stem and _valid_name(stem):
        form_id = plan.settings["from_file_name"] = stem
    if not form_id:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "The form_id is missing: it is how ODK, KoboToolbox and this site know the "
                    "form."
                ),
            )
        )
    elif not _valid_name(form_id):
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "The form_id “%(value)s” is not a valid name: a letter or an underscore "
                    "first, then letters, digits, underscores, dots or hyphens, 60 at most."
                ),
                value=form_id,
            )
        )
    elif form_id in RESERVED_FORM_IDS:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _("“%(value)s” is a word the site keeps; give the file another form_id."),
                value=form_id,
            )
        )
    elif Questionnaire.objects.filter(form_id=form_id).exists():
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "A questionnaire with the form_id “%(value)s” already exists; export it, or "
                    "give the file another form_id."
                ),
                value=form_id,
            )
        )
    version, where = value("version")
    if len(version) > 40:
        issues.append(
            issue("settings", number, where, _("The version is longer than 40 characters."))
        )
    part, where = value("guide_part")
    if part and part not in GuidePart.values:
        issues.append(
            issue(
                "settings",
                number,
                where,
                _(
                    "“%(value)s” is no part of the guide (sources, actors, challenges, "
                    "recommendations)."
                ),
                value=part,
            )
        )
    for code in SITE_LANGUAGES:
        title, _where = value(f"title_{code}")
        if title:
            plan.titles[code] = title
        description, _where = value(f"description_{code}")
        if description:
            plan.descriptions[code] = description
    title, where = value("form_title")
    if title and default not in plan.titles:
        plan.titles[default] = title
    if not plan.titles and plan.settings.get("from_file_name") == form_id:
        plan.titles[default] = form_id  # as pyxform: the form_id stands for the title
    if not plan.titles:
        issues.append(
            issue("settings", number, "form_title", _("The form has no title (form_title)."))
        )
    for text in plan.titles.values():
        if len(text) > 250:
            issues.append(
                issue(
                    "settings", number, "form_title", _("The title is longer than 250 characters.")
                )
            )
    plan.settings = {
        **plan.settings,
        "form_id": form_id,
        "version": version,
        "default_language": default,
        "guide_part": part,
    }
    return default
