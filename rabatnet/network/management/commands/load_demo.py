"""Create the demo accounts that `make run` prints (safe to run again, all or nothing)."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.confirmation import person_details_confirm
from rabatnet.network.models import Role
from rabatnet.network.services import person_update, person_with_account_create
from rabatnet.strategy.models import Theme

DEMO_PASSWORD = "rabatnet-demo"  # noqa: S105 - printed on purpose, demo only
DEMO_ACCOUNTS = [
    ("secretariat@demo.rabatnet.org", "Demo Secretariat", Role.SECRETARIAT, None, None),
    ("focal.sen@demo.rabatnet.org", "Demo Focal Point (Senegal)", Role.FOCAL_POINT, "SEN", None),
    ("focal.mli@demo.rabatnet.org", "Demo Focal Point (Mali)", Role.FOCAL_POINT, "MLI", None),
    (
        "workgroup.gha@demo.rabatnet.org",
        "Demo Workgroup Member (Ghana)",
        Role.WORKGROUP_MEMBER,
        "GHA",
        None,
    ),
    (
        "authority.sen@demo.rabatnet.org",
        "Demo Coordinating Authority (Senegal)",
        Role.COORDINATING_AUTHORITY,
        "SEN",
        None,
    ),
    (
        "thematic.esp@demo.rabatnet.org",
        "Demo Thematic Contact (Spain)",
        Role.THEMATIC_CONTACT,
        "ESP",
        "border-management",
    ),
]


# Language of correspondence and working languages, by country (English otherwise).
DEMO_LANGUAGES = {"SEN": ("fr", "fr wo en"), "MLI": ("fr", "fr bm"), "ESP": ("en", "es en fr")}
DEMO_UNCONFIRMED = {"GHA"}
DEMO_CONFIRMED = {"MLI": 210}  # days ago; the others confirmed today


class Command(BaseCommand):
    help = "Create demo accounts (example content; never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo data is loaded only by `make setup` and `make run` (settings with "
                "DEMO_DATA on, such as config.settings.demo): its accounts have a public "
                "password. Refused with these settings."
            )
        self.stdout.write(f"Demo accounts (password: {options['password']}):")
        with transaction.atomic():
            for email, name, role, iso3, theme in DEMO_ACCOUNTS:
                person = person_with_account_create(
                    email=email,
                    full_name=name,
                    role=role,
                    country=Country.objects.get(iso3=iso3) if iso3 else None,
                    theme=Theme.objects.get(slug=theme) if theme else None,
                    password=options["password"],
                )
                # Demo people agree to be listed in the directory and in published guides,
                # share their address (Mali keeps its telephone), write in their language.
                if not (person.directory_consent and person.guide_consent):
                    person.directory_consent = person.guide_consent = True
                    person.share_email, person.share_phone = True, iso3 != "MLI"
                    person.language, person.working_languages = DEMO_LANGUAGES.get(
                        iso3 or "", ("en", "en fr")
                    )
                    person_update(person=person, expected_version=person.version)
                # Ghana never confirmed, Mali did seven months ago: the secretariat sees both.
                if iso3 not in DEMO_UNCONFIRMED and person.details_confirmed_at is None:
                    person_details_confirm(
                        person=person,
                        at=timezone.now() - timedelta(days=DEMO_CONFIRMED.get(iso3 or "", 0)),
                    )
                where = f" — {iso3}" if iso3 else ""
                self.stdout.write(f"  {email:<36} {Role(role).label}{where}")
