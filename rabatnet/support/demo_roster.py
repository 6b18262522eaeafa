"""The demo roster's content: fourteen made-up experts (example content, marked so).

Names, rates and careers are invented to show how the roster and matching work; they
describe nobody. Availability is given in days from the day the demo is loaded, so the
roster always has periods over the next twelve months.
"""

from typing import NamedTuple

# The one roster account that signs in (password: the demo password of ``load_demo``).
EXPERT_LOGIN = "expert@demo.rabatnet.org"

INTL, LOCAL = "international", "local"
BORDERS, EVIDENCE, CRISIS = "border-management", "evidence-based-policy", "migration-in-crisis"
TRAINING, MISSION, IDENT = "training_workshop", "expert_mission", "identification"
REFORM, PROGRAMME, TOOL = "reform_advice", "programme_development", "methodological_tool"
RECOMMEND, GUIDELINES = "recommendations", "guidelines"


class ExpertSpec(NamedTuple):
    email: str
    name: str
    kind: str
    nationality: str
    local_expertise: bool
    objectives: tuple[int, ...]
    themes: tuple[str, ...]
    kinds: tuple[str, ...]
    languages: tuple[str, ...]
    experience: tuple[str, ...]
    daily_rate: int  # EUR a day, example figure
    summary: str
    # (first day, last day) counted from the load date, both included
    available: tuple[tuple[int, int], ...]


def _e(local: str) -> str:
    return f"{local}@demo.rabatnet.org"


EXPERTS = [
    ExpertSpec(
        EXPERT_LOGIN,
        "Demo Expert (example)",
        INTL,
        "FRA",
        False,
        (4, 10),
        (BORDERS, EVIDENCE),
        (TRAINING, MISSION, RECOMMEND),
        ("en", "fr"),
        ("SEN", "MLI", "MRT", "NER"),
        650,
        "Example profile: integrated border management, risk analysis, training of trainers.",
        ((10, 70), (120, 200), (260, 360)),
    ),
    ExpertSpec(
        _e("amina.diallo"),
        "Amina Diallo (example)",
        LOCAL,
        "SEN",
        True,
        (10, 2),
        (EVIDENCE,),
        (TRAINING, TOOL, IDENT),
        ("fr", "en"),
        ("SEN", "GMB", "MLI"),
        350,
        "Example profile: migration statistics, household surveys, data sharing protocols.",
        ((0, 90), (150, 330)),
    ),
    ExpertSpec(
        _e("jean.moreau"),
        "Jean Moreau (example)",
        INTL,
        "BEL",
        False,
        (4, 6),
        (BORDERS,),
        (MISSION, REFORM, GUIDELINES),
        ("fr", "en"),
        ("MAR", "SEN", "CIV"),
        700,
        "Example profile: document security, civil registration, border procedures.",
        ((30, 120), (200, 300)),
    ),
    ExpertSpec(
        _e("lucia.fernandez"),
        "Lucía Fernández (example)",
        INTL,
        "ESP",
        False,
        (5, 3),
        (CRISIS,),
        (PROGRAMME, GUIDELINES, RECOMMEND),
        ("es", "en", "fr"),
        ("MAR", "MRT", "NER"),
        600,
        "Example profile: contingency planning for mixed movements, protection of migrants.",
        ((0, 75), (100, 180), (240, 365)),
    ),
    ExpertSpec(
        _e("kwame.mensah"),
        "Kwame Mensah (example)",
        LOCAL,
        "GHA",
        False,
        (10, 7),
        (EVIDENCE,),
        (TRAINING, TOOL),
        ("en",),
        ("GHA", "NGA", "GMB"),
        320,
        "Example profile: labour migration data, administrative registers, dashboards.",
        ((14, 200),),
    ),
    ExpertSpec(
        _e("fatoumata.traore"),
        "Fatoumata Traoré (example)",
        LOCAL,
        "MLI",
        True,
        (5, 4),
        (CRISIS, BORDERS),
        (IDENT, TRAINING, RECOMMEND),
        ("fr", "en"),
        ("MLI", "BFA", "NER"),
        300,
        "Example profile: displacement responses, community border posts, referral systems.",
        ((0, 60), (90, 240)),
    ),
    ExpertSpec(
        _e("marco.rossi"),
        "Marco Rossi (example)",
        INTL,
        "ITA",
        False,
        (2, 7),
        (EVIDENCE,),
        (PROGRAMME, IDENT, REFORM),
        ("en", "fr", "es"),
        ("SEN", "CIV", "CMR"),
        680,
        "Example profile: programme design, results frameworks, monitoring and evaluation.",
        ((45, 150), (210, 330)),
    ),
    ExpertSpec(
        _e("ana.sousa"),
        "Ana Sousa (example)",
        INTL,
        "PRT",
        False,
        (1, 9),
        (EVIDENCE,),
        (TRAINING, RECOMMEND),
        ("pt", "en", "fr"),
        ("CPV", "GNB", "SEN"),
        560,
        "Example profile: diaspora engagement policies, consular networks, mobility schemes.",
        ((7, 120), (180, 365)),
    ),
    ExpertSpec(
        _e("youssef.benali"),
        "Youssef Benali (example)",
        LOCAL,
        "MAR",
        True,
        (4, 5),
        (BORDERS, CRISIS),
        (MISSION, GUIDELINES, TRAINING),
        ("ar", "fr", "en"),
        ("MAR", "TUN", "MRT"),
        420,
        "Example profile: maritime border surveillance, search and rescue coordination.",
        ((20, 110), (160, 280)),
    ),
    ExpertSpec(
        _e("ingrid.larsen"),
        "Ingrid Larsen (example)",
        INTL,
        "NLD",
        False,
        (3, 5),
        (CRISIS,),
        (REFORM, GUIDELINES),
        ("en",),
        ("GHA", "NGA"),
        720,
        "Example profile: asylum procedures, reception standards, legal drafting.",
        ((60, 240),),
    ),
    ExpertSpec(
        _e("aissata.ouedraogo"),
        "Aïssata Ouédraogo (example)",
        LOCAL,
        "BFA",
        False,
        (2, 10),
        (EVIDENCE,),
        (TOOL, TRAINING, IDENT),
        ("fr",),
        ("BFA", "NER", "MLI", "CIV"),
        280,
        "Example profile: national migration profiles, inter-ministerial coordination.",
        ((0, 150), (200, 365)),
    ),
    ExpertSpec(
        _e("thomas.keller"),
        "Thomas Keller (example)",
        INTL,
        "DEU",
        False,
        (4, 6),
        (BORDERS,),
        (TRAINING, MISSION, TOOL),
        ("en", "fr"),
        ("NER", "MLI", "TCD"),
        640,
        "Example profile: biometric registration, travel document examination, curricula.",
        ((15, 90), (130, 250)),
    ),
    ExpertSpec(
        _e("mariama.camara"),
        "Mariama Camara (example)",
        LOCAL,
        "GIN",
        True,
        (5, 3),
        (CRISIS,),
        (RECOMMEND, PROGRAMME, IDENT),
        ("fr", "en"),
        ("GIN", "SLE", "LBR", "CIV"),
        310,
        "Example profile: return and reintegration, protection of children on the move.",
        ((0, 100), (140, 320)),
    ),
    ExpertSpec(
        _e("paul.okafor"),
        "Paul Okafor (example)",
        LOCAL,
        "NGA",
        False,
        (10, 8),
        (EVIDENCE,),
        (TOOL, RECOMMEND, PROGRAMME),
        ("en",),
        ("NGA", "GHA", "CMR"),
        340,
        "Example profile: remittance data, financial inclusion, policy briefs.",
        ((30, 365),),
    ),
]
