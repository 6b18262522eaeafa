"""The demo requests' content: 26 made-up requests from ten member countries (example
content, marked so), filed over 2024–2026, in every stage (one declined, one withdrawn, one
declined then reopened). The older ones here (``PAST``), the others in
``demo_requests_recent``.

The texts are invented to show how on-demand technical support works; they state no real
fact about any country's request. ``days_ago`` counts from the day the demo is loaded; the
loader moves a request back by whole weeks if a step would fall in the future.
"""

from typing import NamedTuple

from .demo_roster import (
    BORDERS,
    CRISIS,
    EVIDENCE,
    GUIDELINES,
    IDENT,
    MISSION,
    PROGRAMME,
    RECOMMEND,
    REFORM,
    TOOL,
    TRAINING,
)

REOPENED = "reopened"  # declined once, reopened, then scoped


class RequestSpec(NamedTuple):
    iso3: str
    title: str
    kind: str
    theme: str
    objectives: tuple[int, ...]
    institution: str
    needs: str
    days_ago: int  # filed this many days before the load date
    end: str  # the stage it is in once loaded (or REOPENED)
    ended_from: str = ""  # for declined and withdrawn: the stage it was in
    experts: tuple[str, ...] = ()  # e-mail local parts: the first accepts, others decline
    ack_working_days: int = 2
    deploy_weeks: int = 6  # from the request to the mission's first day
    report_weeks: int = 2  # from the mission's first day to the report
    tor_versions: int = 1
    public: bool = True
    languages: tuple[str, ...] = ("fr",)
    participants: int = 25
    duration: int = 4


NOTE = " (Example content: made up to show how technical support works.)"
DECLINE_REASON = (
    "Example: the request is for equipment purchases, which on-demand technical support "
    "does not fund; the secretariat suggested rephrasing it as advice."
)
REOPEN_REASON = "Example: the country sent a new version of the request, on advice only."
WITHDRAW_REASON = (
    "Example: the ministry obtained support for the same workshop from another programme."
)

PAST = [
    RequestSpec(
        "SEN",
        "Example: a methodological tool for a national inventory of migration data",
        TOOL,
        EVIDENCE,
        (10, 2),
        "National Agency of Statistics and Demography (example)",
        "A tool to list the migration data each ministry holds, with its quality and access "
        "rules, and a half-day training of its users.",
        880,
        "closed",
        experts=("amina.diallo", "marco.rossi"),
        tor_versions=2,
    ),
    RequestSpec(
        "MLI",
        "Example: training workshop on document fraud detection at land borders",
        TRAINING,
        BORDERS,
        (4,),
        "Directorate of Border Police (example)",
        "Three days of training for 30 border officers on examining travel documents, with "
        "practical exercises at a crossing point.",
        800,
        "closed",
        experts=("expert", "thomas.keller"),
        ack_working_days=1,
        deploy_weeks=9,
        participants=30,
        duration=3,
    ),
    RequestSpec(
        "GHA",
        "Example: training of statisticians on labour migration indicators",
        TRAINING,
        EVIDENCE,
        (10, 7),
        "Ghana Statistical Service (example)",
        "A workshop on the international indicators of labour migration and on reading them "
        "from administrative registers.",
        720,
        "closed",
        experts=("paul.okafor",),
        public=False,
        languages=("en",),
        deploy_weeks=5,
    ),
    RequestSpec(
        "CIV",
        "Example: programme for the reception of returning migrants",
        PROGRAMME,
        CRISIS,
        (5, 3),
        "Ministry of Ivorians Abroad (example)",
        "Help to write a three-year programme for reception and reintegration at the main "
        "points of return, with its budget lines.",
        650,
        "closed",
        experts=("mariama.camara",),
        ack_working_days=6,
        deploy_weeks=10,
        report_weeks=3,
        tor_versions=2,
    ),
    RequestSpec(
        "MAR",
        "Example: guidelines for maritime search and rescue coordination",
        GUIDELINES,
        BORDERS,
        (4, 5),
        "Directorate of Migration and Border Surveillance (example)",
        "Guidelines on who does what between the navy, the coast guard and civil protection "
        "when people are in distress at sea.",
        560,
        "closed",
        experts=("youssef.benali", "jean.moreau"),
        languages=("fr", "ar"),
    ),
    RequestSpec(
        "NER",
        "Example: recommendations on contingency planning for mixed movements",
        RECOMMEND,
        CRISIS,
        (5,),
        "Ministry of the Interior, civil protection (example)",
        "Recommendations on a contingency plan for sudden arrivals in the north, based on the "
        "plans of two neighbouring countries.",
        480,
        "closed",
        experts=("lucia.fernandez",),
        ack_working_days=3,
        deploy_weeks=4,
    ),
    RequestSpec(
        "SEN",
        "Example: expert mission to review the integrated border management strategy",
        MISSION,
        BORDERS,
        (4,),
        "Ministry of the Interior (example)",
        "An expert mission to review the national integrated border management strategy "
        "before its renewal, with interviews of the services concerned.",
        400,
        "closed",
        experts=("expert", "jean.moreau"),
        ack_working_days=7,
        deploy_weeks=8,
        duration=10,
    ),
    RequestSpec(
        "BFA",
        "Example: identification of initiatives for the national migration profile",
        IDENT,
        EVIDENCE,
        (10, 2),
        "Ministry of Foreign Affairs (example)",
        "Identify the concrete initiatives the next national migration profile needs, and "
        "who would carry each.",
        340,
        "closed",
        experts=("marco.rossi",),
        deploy_weeks=7,
    ),
    RequestSpec(
        "GMB",
        "Example: training workshop on data sharing between ministries",
        TRAINING,
        EVIDENCE,
        (10,),
        "Gambia Bureau of Statistics (example)",
        "A two-day workshop on agreements for sharing migration data between ministries.",
        140,
        "evaluated",
        experts=("amina.diallo", "kwame.mensah"),
        languages=("en",),
        duration=2,
    ),
    RequestSpec(
        "MRT",
        "Example: training of border officials on risk analysis",
        TRAINING,
        BORDERS,
        (4,),
        "Directorate of National Security (example)",
        "Training on risk analysis for officers of the border posts of the south, with a "
        "common reporting template.",
        120,
        "evaluated",
        experts=("expert",),
        deploy_weeks=5,
        languages=("fr", "ar"),
    ),
    RequestSpec(
        "CMR",
        "Example: advice on a reform of the civil registration of migrants' children",
        REFORM,
        EVIDENCE,
        (6, 3),
        "National Civil Status Registration Office (example)",
        "Advice on the draft decree on registering the births of children of foreign parents.",
        95,
        "reported",
        experts=("jean.moreau",),
        ack_working_days=3,
        deploy_weeks=6,
    ),
    RequestSpec(
        "MLI",
        "Example: identification of initiatives for displaced people in the centre",
        IDENT,
        CRISIS,
        (5,),
        "Ministry of Humanitarian Action (example)",
        "Identify initiatives to register and assist people displaced in the centre, with "
        "the local authorities.",
        90,
        "reported",
        experts=("fatoumata.traore", "lucia.fernandez"),
        deploy_weeks=4,
    ),
]
