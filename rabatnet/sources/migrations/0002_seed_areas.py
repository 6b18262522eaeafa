"""The areas of the seed's source-mapping table (the secretariat adds more)."""

from django.db import migrations

AREAS = [
    ("trends", 10, "Trends", "Tendances", "Tendências"),
    ("border-management", 20, "Border management", "Gestion des frontières", "Gestão de fronteiras"),
    ("migration-in-crisis", 30, "Migration in crisis situations",
     "Migration en situation de crise", "Migração em situações de crise"),
    ("migration-and-development", 40, "Migration and development",
     "Migration et développement", "Migração e desenvolvimento"),
]


def create(apps, schema_editor):
    Area = apps.get_model("sources", "Area")
    for slug, position, en, fr, pt in AREAS:
        Area.objects.update_or_create(
            slug=slug,
            defaults={"position": position, "name": en, "name_en": en, "name_fr": fr, "name_pt": pt},
        )


def remove(apps, schema_editor):
    apps.get_model("sources", "Area").objects.filter(slug__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
