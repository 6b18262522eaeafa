"""``rabatnet_actors``: the policy actors at each stage of the policy cycle (part II)."""

from xlsform_rows import RESPONDENT, YES_NO, end, q

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
