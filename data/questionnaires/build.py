"""Writes the three standard questionnaires as XLSForm workbooks (documentation: run once by
hand with ``.venv/bin/python data/questionnaires/build.py``; the .xlsx files are what ships).

Choice codes are the guide models' own values (Source.Kind, Status, Periodicity, Access;
Area slugs of sources/0002; ChallengeType slugs of guides/0002; PolicyStage; Practice.Kind;
Recommendation.Category and Priority). Labels, hints and messages in English and French.
"""

from pathlib import Path

from form_actors import ACTORS
from form_challenges import CHALLENGES
from form_sources import SOURCES
from openpyxl import Workbook
from xlsform_rows import SURVEY

HERE = Path(__file__).resolve().parent

DESCRIPTIONS = {
    "rabatnet_sources": (
        "Part I of the migration profile users' guide: which institution collects which "
        "migration data, of what kind, for which areas, how often and how it can be reached. "
        "One row per data source.",
        "Partie I du guide de l'utilisateur du profil migratoire : quelle institution collecte "
        "quelles données migratoires, de quel type, pour quels domaines, à quelle fréquence et "
        "comment y accéder. Une ligne par source de données.",
    ),
    "rabatnet_actors": (
        "Part II of the guide: the institutions at each stage of the migration policy cycle "
        "(identification of needs, processing, decision, implementation, follow-up, "
        "reformulation). One row per institution and stage.",
        "Partie II du guide : les institutions à chaque étape du cycle des politiques "
        "migratoires (identification des besoins, élaboration, décision, mise en œuvre, suivi, "
        "reformulation). Une ligne par institution et par étape.",
    ),
    "rabatnet_challenges": (
        "Parts III and IV of the guide: the challenges met in using migration data, the best "
        "practices and examples of use, and the recommendations, each with its own rows.",
        "Parties III et IV du guide : les défis rencontrés dans l'utilisation des données "
        "migratoires, les bonnes pratiques et exemples d'utilisation, et les recommandations, "
        "chacun avec ses lignes.",
    ),
}


def write(form):
    form_id, version, title_en, title_fr, part = form["settings"]
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(SURVEY)
    for row in form["survey"]:
        survey.append([v or None for v in row])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::French (fr)"])
    for row in form["choices"]:
        choices.append(list(row))
    settings = workbook.create_sheet("settings")
    settings.append(
        [
            "form_title",
            "form_id",
            "version",
            "default_language",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "guide_part",
        ]
    )
    description_en, description_fr = DESCRIPTIONS[form_id]
    settings.append(
        [
            title_en,
            form_id,
            version,
            "English (en)",
            title_en,
            title_fr,
            description_en,
            description_fr,
            part,
        ]
    )
    workbook.save(HERE / f"{form_id}.xlsx")


if __name__ == "__main__":
    for form in (SOURCES, ACTORS, CHALLENGES):
        write(form)
