"""Writes the three standard questionnaires as XLSForm workbooks (documentation: run once by
hand with ``.venv/bin/python data/questionnaires/build.py``; the .xlsx files are what ships).

Choice codes are the guide models' own values (Source.Kind, Status, Periodicity, Access;
Area slugs of sources/0002; ChallengeType slugs of guides/0002; PolicyStage; Practice.Kind;
Recommendation.Category and Priority). Labels, hints and messages in English and French.
"""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SURVEY = [
    "type",
    "name",
    "label::English (en)",
    "label::French (fr)",
    "hint::English (en)",
    "hint::French (fr)",
    "required",
    "required_message::English (en)",
    "required_message::French (fr)",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "constraint_message::French (fr)",
    "appearance",
    "feeds",
]
YES_NO = [("yes", "Yes", "Oui"), ("no", "No", "Non")]
REQUIRED = ("Please answer this question.", "Merci de répondre à cette question.")
YEAR = (
    ". >= 1950 and . <= 2100",
    "A year between 1950 and 2100.",
    "Une année entre 1950 et 2100.",
)


def q(
    type_,
    name,
    en,
    fr,
    hint=("", ""),
    required=False,
    relevant="",
    constraint=("", "", ""),
    appearance="",
    feeds="",
):
    message = REQUIRED if required else ("", "")
    return [
        type_,
        name,
        en,
        fr,
        hint[0],
        hint[1],
        "yes" if required else "",
        message[0],
        message[1],
        relevant,
        constraint[0],
        constraint[1],
        constraint[2],
        appearance,
        feeds,
    ]


def end(kind, name):
    return [f"end_{kind}", name] + [""] * (len(SURVEY) - 2)


RESPONDENT = [
    q("begin_group", "respondent", "About your institution", "Votre institution"),
    q(
        "text",
        "institution",
        "Name of your institution or department",
        "Nom de votre institution ou service",
        required=True,
    ),
    q("text", "respondent_role", "Your position", "Votre fonction"),
    end("group", "respondent"),
]

SOURCES = {
    "settings": (
        "rabatnet_sources",
        "2026120201",
        "Information-source mapping",
        "Cartographie des sources d'information",
        "sources",
    ),
    "survey": [
        q(
            "note",
            "intro",
            "This questionnaire maps the sources of migration data your institution holds or "
            "could hold (part I of the migration profile users' guide).",
            "Ce questionnaire recense les sources de données migratoires que votre institution "
            "détient ou pourrait détenir (partie I du guide de l'utilisateur du profil "
            "migratoire).",
        ),
        *RESPONDENT,
        q(
            "select_one yes_no",
            "has_sources",
            "Does your institution collect or hold migration data?",
            "Votre institution collecte-t-elle ou détient-elle des données migratoires ?",
            required=True,
        ),
        q(
            "begin_repeat",
            "data_source",
            "One row per data source",
            "Une ligne par source de données",
            relevant="${has_sources} = 'yes'",
        ),
        q(
            "text",
            "source_name",
            "Name of the source",
            "Nom de la source",
            (
                "e.g. 2013 general population census",
                "p. ex. recensement général de la population 2013",
            ),
            required=True,
            feeds="source.name",
        ),
        q(
            "text",
            "source_entity",
            "Entity that collects the data",
            "Entité qui collecte les données",
            (
                "Leave empty if it is your institution.",
                "Laisser vide s'il s'agit de votre institution.",
            ),
            feeds="source.entity",
        ),
        q(
            "select_one kinds",
            "source_kind",
            "Kind of source",
            "Type de source",
            required=True,
            feeds="source.kind",
        ),
        q(
            "select_multiple areas",
            "source_areas",
            "Areas covered",
            "Domaines couverts",
            (
                "Tick every area the source informs.",
                "Cocher chaque domaine que la source renseigne.",
            ),
            required=True,
            feeds="source.areas",
        ),
        q(
            "select_one statuses",
            "source_status",
            "Existing or potential source",
            "Source existante ou potentielle",
            required=True,
            feeds="source.status",
        ),
        q(
            "select_one periodicities",
            "source_periodicity",
            "Periodicity",
            "Périodicité",
            required=True,
            relevant="${source_status} = 'existing'",
            feeds="source.periodicity",
        ),
        q(
            "text",
            "source_last_release",
            "Last release",
            "Dernière diffusion",
            (
                "A year, or a year and month (e.g. 2023 or 2024-06).",
                "Une année, ou une année et un mois (p. ex. 2023 ou 2024-06).",
            ),
            relevant="${source_status} = 'existing'",
            constraint=(
                "regex(., '^[0-9]{4}(-[0-9]{2})?$')",
                "Write a year (2023) or a year and month (2024-06).",
                "Écrire une année (2023) ou une année et un mois (2024-06).",
            ),
            feeds="source.last_release",
        ),
        q(
            "select_one accesses",
            "source_access",
            "Access to the data",
            "Accès aux données",
            required=True,
            feeds="source.access",
        ),
        q(
            "text",
            "source_description",
            "Description: content, coverage, limits",
            "Description : contenu, couverture, limites",
            appearance="multiline",
            feeds="source.description",
        ),
        q(
            "text",
            "source_url",
            "Web address",
            "Adresse web",
            constraint=(
                "regex(., '^https?://')",
                "Start with http:// or https://.",
                "Commencer par http:// ou https://.",
            ),
            feeds="source.url",
        ),
        end("repeat", "data_source"),
        q(
            "text",
            "gaps",
            "Which migration data is missing today?",
            "Quelles données migratoires manquent aujourd'hui ?",
            appearance="multiline",
        ),
    ],
    "choices": [
        *(("yes_no", *c) for c in YES_NO),
        ("kinds", "census", "Census", "Recensement"),
        ("kinds", "household_survey", "Household survey", "Enquête auprès des ménages"),
        ("kinds", "administrative_register", "Administrative register", "Registre administratif"),
        (
            "kinds",
            "border_records",
            "Border / entry-exit records",
            "Registres d'entrée et de sortie aux frontières",
        ),
        ("kinds", "visas_permits", "Visas and residence permits", "Visas et titres de séjour"),
        ("kinds", "consular_registration", "Consular registration", "Immatriculation consulaire"),
        ("kinds", "asylum_records", "Asylum records", "Dossiers d'asile"),
        (
            "kinds",
            "remittance_statistics",
            "Remittance statistics",
            "Statistiques des transferts de fonds",
        ),
        ("kinds", "other", "Other", "Autre"),
        ("areas", "trends", "Trends", "Tendances"),
        ("areas", "border-management", "Border management", "Gestion des frontières"),
        (
            "areas",
            "migration-in-crisis",
            "Migration in crisis situations",
            "Migration en situation de crise",
        ),
        (
            "areas",
            "migration-and-development",
            "Migration and development",
            "Migration et développement",
        ),
        ("statuses", "existing", "Existing", "Existante"),
        ("statuses", "potential", "Potential", "Potentielle"),
        ("periodicities", "continuous", "Continuous", "Continue"),
        ("periodicities", "monthly", "Monthly", "Mensuelle"),
        ("periodicities", "quarterly", "Quarterly", "Trimestrielle"),
        ("periodicities", "annual", "Annual", "Annuelle"),
        ("periodicities", "multi_year", "Every few years", "Pluriannuelle"),
        ("periodicities", "ad_hoc", "Ad hoc", "Ponctuelle selon les besoins"),
        ("periodicities", "one_off", "One-off", "Unique"),
        ("accesses", "public", "Public", "Public"),
        ("accesses", "on_request", "On request", "Sur demande"),
        ("accesses", "restricted", "Restricted", "Restreint"),
    ],
}

STAGES = [
    ("identification_of_needs", "Identification of needs", "Identification des besoins"),
    ("processing", "Processing", "Élaboration"),
    ("decision", "Decision", "Décision"),
    ("implementation", "Implementation", "Mise en œuvre"),
    ("follow_up", "Follow-up", "Suivi"),
    ("reformulation", "Reformulation", "Reformulation"),
]
ACTORS = {
    "settings": (
        "rabatnet_actors",
        "2026120201",
        "Policy actors",
        "Acteurs des politiques migratoires",
        "actors",
    ),
    "survey": [
        q(
            "note",
            "intro",
            "This questionnaire identifies who does what at each stage of the migration policy "
            "cycle (part II of the guide).",
            "Ce questionnaire identifie qui fait quoi à chaque étape du cycle des politiques "
            "migratoires (partie II du guide).",
        ),
        *RESPONDENT,
        q(
            "integer",
            "institutions_count",
            "How many institutions take part in migration policy?",
            "Combien d'institutions prennent part aux politiques migratoires ?",
            ("An estimate is enough.", "Une estimation suffit."),
            constraint=(
                ". >= 0 and . <= 500",
                "A number between 0 and 500.",
                "Un nombre entre 0 et 500.",
            ),
        ),
        q(
            "begin_repeat",
            "actor_role",
            "One row per institution and stage",
            "Une ligne par institution et par étape",
            relevant="${institutions_count} > 0",
        ),
        q(
            "text",
            "actor_organisation",
            "Institution",
            "Institution",
            required=True,
            feeds="actor.organisation",
        ),
        q(
            "select_one stages",
            "actor_stage",
            "Stage of the policy cycle",
            "Étape du cycle des politiques",
            required=True,
            feeds="actor.stage",
        ),
        q(
            "text",
            "actor_description",
            "What it does at this stage",
            "Ce qu'elle fait à cette étape",
            required=True,
            appearance="multiline",
            constraint=(
                "string-length(.) >= 10",
                "Say it in a sentence (10 characters at least).",
                "Le dire en une phrase (10 caractères au moins).",
            ),
            feeds="actor.description",
        ),
        q(
            "select_one yes_no",
            "uses_profile",
            "Does it use the migration profile?",
            "Utilise-t-elle le profil migratoire ?",
        ),
        end("repeat", "actor_role"),
    ],
    "choices": [*(("yes_no", *c) for c in YES_NO), *(("stages", *s) for s in STAGES)],
}

CHALLENGE_TYPES = [
    ("difficult-to-understand", "Difficult to understand", "Difficile à comprendre"),
    ("poor-dissemination", "Poor dissemination", "Faible diffusion"),
    ("insufficient-ownership", "Insufficient ownership", "Appropriation insuffisante"),
    ("poor-update-capability", "Poor update capability", "Faible capacité de mise à jour"),
    ("limited-use", "Limited use of migration data", "Utilisation limitée des données migratoires"),
    ("other", "Another challenge (name it)", "Un autre défi (le nommer)"),
]
CHALLENGES = {
    "settings": (
        "rabatnet_challenges",
        "2026120201",
        "Challenges, practices and recommendations",
        "Défis, pratiques et recommandations",
        "challenges",
    ),
    "survey": [
        q(
            "note",
            "intro",
            "This questionnaire gathers the challenges met in using migration data, the good "
            "practices and the recommendations (parts III and IV of the guide).",
            "Ce questionnaire recueille les défis rencontrés dans l'utilisation des données "
            "migratoires, les bonnes pratiques et les recommandations (parties III et IV du "
            "guide).",
        ),
        *RESPONDENT,
        q("begin_repeat", "challenge", "One row per challenge", "Une ligne par défi"),
        q(
            "select_one challenge_types",
            "challenge_type",
            "Challenge",
            "Défi",
            required=True,
            feeds="challenge.challenge_type",
        ),
        q(
            "text",
            "challenge_title",
            "Name the country's own challenge",
            "Nommer le défi propre au pays",
            required=True,
            relevant="${challenge_type} = 'other'",
            feeds="challenge.title",
        ),
        q(
            "text",
            "challenge_description",
            "How it shows",
            "Comment il se manifeste",
            appearance="multiline",
            feeds="challenge.description",
        ),
        end("repeat", "challenge"),
        q("begin_repeat", "practice", "One row per practice", "Une ligne par pratique"),
        q(
            "select_one practice_kinds",
            "practice_kind",
            "Kind",
            "Type",
            required=True,
            feeds="practice.kind",
        ),
        q("text", "practice_title", "Title", "Titre", required=True, feeds="practice.title"),
        q(
            "text",
            "practice_description",
            "Description",
            "Description",
            required=True,
            appearance="multiline",
            feeds="practice.description",
        ),
        q(
            "text",
            "practice_organisation",
            "Institution",
            "Institution",
            feeds="practice.organisation",
        ),
        q("integer", "practice_year", "Year", "Année", constraint=YEAR, feeds="practice.year"),
        end("repeat", "practice"),
        q(
            "begin_repeat",
            "recommendation",
            "One row per recommendation",
            "Une ligne par recommandation",
        ),
        q(
            "select_one categories",
            "recommendation_category",
            "Category",
            "Catégorie",
            required=True,
            feeds="recommendation.category",
        ),
        q(
            "text",
            "recommendation_text",
            "Recommendation",
            "Recommandation",
            required=True,
            appearance="multiline",
            feeds="recommendation.text",
        ),
        q(
            "text",
            "recommendation_addressee",
            "Addressed to",
            "Adressée à",
            required=True,
            feeds="recommendation.addressee",
        ),
        q(
            "select_one priorities",
            "recommendation_priority",
            "Priority",
            "Priorité",
            required=True,
            feeds="recommendation.priority",
        ),
        end("repeat", "recommendation"),
    ],
    "choices": [
        *(("challenge_types", *c) for c in CHALLENGE_TYPES),
        ("practice_kinds", "best_practice", "Best practice", "Bonne pratique"),
        ("practice_kinds", "use_example", "Use example", "Exemple d'utilisation"),
        ("categories", "cooperation", "Cooperation", "Coopération"),
        (
            "categories",
            "training",
            "Training and human resources",
            "Formation et ressources humaines",
        ),
        (
            "categories",
            "information_acquisition",
            "Improving information acquisition",
            "Amélioration de l'acquisition d'informations",
        ),
        (
            "categories",
            "border_management",
            "Information on border management",
            "Informations sur la gestion des frontières",
        ),
        (
            "categories",
            "crisis_situations",
            "Information on migration in crisis situations",
            "Informations sur la migration en situation de crise",
        ),
        ("categories", "other", "Other", "Autre"),
        ("priorities", "high", "High", "Haute"),
        ("priorities", "medium", "Medium", "Moyenne"),
        ("priorities", "low", "Low", "Basse"),
    ],
}


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
