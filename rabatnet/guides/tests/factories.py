"""A small, complete guide for tests: a source, an actor, a challenge with its action, ..."""

from django.test import TestCase

from rabatnet.countries.models import Country
from rabatnet.guides import services
from rabatnet.guides.models import (
    ActorRole,
    Challenge,
    ChallengeType,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    Stage,
    WorkgroupMember,
)
from rabatnet.network.models import Organisation
from rabatnet.network.tests.factories import PersonFactory
from rabatnet.sources.models import Area, Source


def drafted_guide(iso3: str = "SEN", language: str = "fr") -> Guide:
    country = Country.objects.get(iso3=iso3)
    guide = services.guide_start(country=country, language=language, actor=None)
    services.guide_advance(guide=guide, stage=Stage.DRAFTING, actor=None)
    guide.context = "Le **contexte** du guide.\n\nUn second paragraphe."
    guide.save()
    ansd = Organisation.objects.create(
        name="Agence nationale de la statistique et de la démographie",
        acronym="ANSD",
        kind=Organisation.Kind.GOVERNMENT,
        country=country,
    )
    iom = Organisation.objects.get_or_create(
        name="International Organization for Migration",
        acronym="IOM",
        kind=Organisation.Kind.INTERNATIONAL,
        country=None,
    )[0]
    contact = PersonFactory.create(full_name="Awa Contact", organisation=ansd, guide_consent=True)
    source = Source.objects.create(
        country=country,
        entity=ansd,
        name="Recensement général de la population",
        kind=Source.Kind.CENSUS,
        periodicity=Source.Periodicity.MULTI_YEAR,
        access=Source.Access.PUBLIC,
        last_release="2023",
        contact=contact,
    )
    source.areas.set(Area.objects.filter(slug__in=["trends", "migration-and-development"]))
    other = Source.objects.create(
        country=country,
        entity=iom,
        name="Displacement Tracking Matrix",
        kind=Source.Kind.OTHER,
        periodicity=Source.Periodicity.AD_HOC,
        access=Source.Access.ON_REQUEST,
        status=Source.Status.POTENTIAL,
    )
    other.areas.set(Area.objects.filter(slug="migration-in-crisis"))
    ActorRole.objects.create(
        guide=guide, organisation=ansd, stage="processing", description="Produit les statistiques."
    )
    WorkgroupMember.objects.create(guide=guide, person=contact, is_coordinator=True)
    Practice.objects.create(
        guide=guide,
        kind="use_example",
        title="Profil migratoire 2018",
        description="Utilisé pour la stratégie nationale.",
    )
    challenge = Challenge.objects.create(
        guide=guide, challenge_type=ChallengeType.objects.get(slug="poor-dissemination")
    )
    CorrectiveAction.objects.create(
        challenge=challenge, description="Publier en ligne.", owner=ansd
    )
    Recommendation.objects.create(
        guide=guide,
        category="cooperation",
        text="Coopérer.",
        addressee="Ministère de l'Intérieur",
        priority="high",
    )
    return guide


def published_guide(iso3: str = "SEN", language: str = "fr") -> Guide:
    guide = drafted_guide(iso3, language)
    edition = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=edition, actor=None)
    # Publication builds the PDF once the transaction commits: run that now.
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.edition_publish(edition=edition, actor=None)
    guide.refresh_from_db()
    return guide
