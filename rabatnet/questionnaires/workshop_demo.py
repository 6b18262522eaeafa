"""The demo workshop (example content, marked so): a held national discussion and training
workshop, with its agenda, two experts, a sign-in list of made-up people, outcomes of each
kind and a summary. The names are invented ("Exemple", "Fictif"): they describe nobody.
The demo loader (``demo_answers.load_workshop``) calls ``demo_workshop``."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from rabatnet.guides.models import Guide
from rabatnet.network.models import Organisation

from . import workshop_services as services
from .models import Outcome, Workshop, WorkshopExpert

TITLE = "Atelier national de discussion et de formation sur les données migratoires"

AGENDA = """\
**Premier jour**

1. Ouverture et présentation du guide de l'utilisateur
2. Les sources d'information sur la migration : recensement, registres, enquêtes
3. Travaux de groupe : cartographie des sources

**Second jour**

1. Formation : lire et croiser les données administratives
2. Défis et bonnes pratiques du profil migratoire
3. Recommandations et clôture
"""

SUMMARY = """\
Les participants ont passé en revue les sources de données disponibles et constaté que
les registres administratifs sont peu partagés entre institutions. La formation a porté
sur l'exploitation du recensement et des registres aux frontières. Les recommandations
seront proposées au groupe de travail pour la rédaction du guide.
"""

INSTITUTIONS = [
    "Agence nationale de la statistique (exemple)",
    "Direction de la police aux frontières (exemple)",
    "Ministère des affaires étrangères (exemple)",
]

# (name, institution index, function, signed in)
PARTICIPANTS = [
    ("Awa Exemple", 0, "Statisticienne", True),
    ("Moussa Fictif", 0, "Chef de division", True),
    ("Fatou Exemple", 1, "Commissaire", True),
    ("Ibrahima Fictif", 1, "Officier de police", True),
    ("Aminata Exemple", 2, "Conseillère", True),
    ("Cheikh Fictif", 2, "Chargé d'études", False),
    ("Mariama Exemple", 0, "Démographe", True),
    ("Ousmane Fictif", 1, "Analyste", True),
]

OUTCOMES = [
    (Outcome.Kind.NEED, "Former les agents des registres à l'anonymisation des données."),
    (Outcome.Kind.NEED, "Un inventaire commun des sources, tenu à jour."),
    (Outcome.Kind.CHALLENGE, "Les registres administratifs ne sont pas partagés."),
    (Outcome.Kind.CHALLENGE, "Les définitions du migrant diffèrent selon les institutions."),
    (
        Outcome.Kind.RECOMMENDATION,
        "Créer un comité technique interinstitutionnel sur les données migratoires.",
    ),
]


@transaction.atomic
def demo_workshop(guide: Guide, city: str = "Dakar") -> Workshop:
    """The demo workshop of ``guide``, held in ``city`` (made once; the one already there is
    returned)."""
    existing = Workshop.objects.filter(guide=guide, is_example=True, title=TITLE).first()
    if existing is not None:
        return existing
    ends = timezone.localdate() - timedelta(days=45)
    data = services.WorkshopIn(
        kind=Workshop.Kind.BOTH,
        title=TITLE,
        starts_on=ends - timedelta(days=1),
        ends_on=ends,
        venue="Centre de conférences (exemple)",
        city=city,
        agenda=AGENDA,
        summary=SUMMARY,
    )
    workshop = services.workshop_create(guide=guide, data=data, by=None, is_example=True)
    services.expert_add(
        workshop=workshop,
        scope=WorkshopExpert.Scope.INTERNATIONAL,
        full_name="Elena Fictive",
        role="Formatrice, statistiques migratoires",
        by=None,
    )
    services.expert_add(
        workshop=workshop,
        scope=WorkshopExpert.Scope.LOCAL,
        full_name="Abdoulaye Exemple",
        role="Modérateur",
        by=None,
    )
    institutions = [
        Organisation.objects.get_or_create(
            name=name,
            country=guide.country,
            defaults={"kind": Organisation.Kind.GOVERNMENT},
        )[0]
        for name in INSTITUTIONS
    ]
    for name, index, function, signed in PARTICIPANTS:
        line = services.participant_add(
            workshop=workshop,
            full_name=name,
            organisation=institutions[index],
            function=function,
            by=None,
        )
        if signed:
            line.attended = True
            line.save(update_fields=["attended"])
    for kind, text in OUTCOMES:
        services.outcome_add(workshop=workshop, kind=kind, text=text, by=None)
    return services.workshop_hold(workshop=workshop, by=None)
