"""The rows of an XLSForm ``survey`` sheet as the three standard questionnaires write them:
its columns, the question helper ``q`` and what the forms share (used by ``build.py``)."""

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
