"""The migration profile contents checklist and the seed's five challenges."""

from django.db import migrations

# Contents of a migration profile (after the IOM migration profile template).
CONTENTS = [
    ("socio-economic-context", "Demographic and socio-economic context", "Contexte démographique et socio-économique", "Contexto demográfico e socioeconómico"),
    ("immigration", "Immigration", "Immigration", "Imigração"),
    ("emigration-and-diaspora", "Emigration and diaspora", "Émigration et diaspora", "Emigração e diáspora"),
    ("return-and-reintegration", "Return and reintegration", "Retour et réintégration", "Regresso e reintegração"),
    ("irregular-migration", "Irregular migration and trafficking", "Migration irrégulière et traite", "Migração irregular e tráfico"),
    ("forced-migration", "Forced migration, asylum and refugees", "Migration forcée, asile et réfugiés", "Migração forçada, asilo e refugiados"),
    ("labour-migration", "Labour migration", "Migration de travail", "Migração laboral"),
    ("remittances", "Remittances", "Transferts de fonds", "Remessas"),
    ("border-management", "Border management", "Gestion des frontières", "Gestão de fronteiras"),
    ("migration-in-crisis", "Migration in crisis situations", "Migration en situation de crise", "Migração em situações de crise"),
    ("governance", "Migration governance and policy framework", "Gouvernance et cadre politique de la migration", "Governação e quadro político da migração"),
    ("data-sources-and-gaps", "Data sources and gaps", "Sources de données et lacunes", "Fontes de dados e lacunas"),
]

# "Main challenges in the use of migration data and profiles" (seed, slide 4).
CHALLENGES = [
    ("difficult-to-understand", "Difficult to understand", "Difficile à comprendre", "Difícil de compreender"),
    ("poor-dissemination", "Poor dissemination", "Faible diffusion", "Fraca divulgação"),
    ("insufficient-ownership", "Insufficient ownership", "Appropriation insuffisante", "Apropriação insuficiente"),
    ("poor-update-capability", "Poor update capability", "Faible capacité de mise à jour", "Fraca capacidade de atualização"),
    ("limited-use", "Limited use of migration data", "Utilisation limitée des données migratoires", "Utilização limitada dos dados migratórios"),
]


def create(apps, schema_editor):
    for model, rows in (("ContentItem", CONTENTS), ("ChallengeType", CHALLENGES)):
        Model = apps.get_model("guides", model)
        for position, (slug, en, fr, pt) in enumerate(rows, start=1):
            Model.objects.update_or_create(
                slug=slug,
                defaults={"position": position * 10, "title": en, "title_en": en,
                          "title_fr": fr, "title_pt": pt},
            )


def remove(apps, schema_editor):
    apps.get_model("guides", "ContentItem").objects.filter(slug__in=[c[0] for c in CONTENTS]).delete()
    apps.get_model("guides", "ChallengeType").objects.filter(slug__in=[c[0] for c in CHALLENGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
