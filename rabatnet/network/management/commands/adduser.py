"""Create a person, their account and an appointment in one go.

python manage.py adduser EMAIL --role ROLE [--country ISO3] [--theme SLUG] [--password-stdin]
"""

import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from rabatnet.countries.models import Country
from rabatnet.network.models import Role
from rabatnet.network.services import person_with_account_create
from rabatnet.strategy.models import Theme


class Command(BaseCommand):
    help = "Create (or complete) a person with an account and an appointment."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--role", required=True, help=f"One of: {', '.join(Role.values)}.")
        parser.add_argument("--country", help="ISO 3166-1 alpha-3 code of a member country.")
        parser.add_argument("--theme", help="Slug of a theme (thematic contact points only).")
        parser.add_argument("--name", default="", help="Full name (defaults to the e-mail).")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from standard input (else the person sets one by reset).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(
                f"{email!r} is not a valid e-mail address. Nothing was created."
            ) from exc
        role = options["role"]
        if role not in Role.values:
            raise CommandError(
                f"Unknown role {role!r}: use one of {', '.join(Role.values)}. Nothing was created."
            )
        country = self._country(options["country"])
        theme = self._theme(options["theme"])
        password = None
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
            if not password:
                raise CommandError("No password on standard input. Nothing was created.")
        try:
            person = person_with_account_create(
                email=email,
                full_name=options["name"] or email,
                role=role,
                country=country,
                theme=theme,
                password=password,
            )
        except ValidationError as exc:
            reasons = "; ".join(m for messages in exc.message_dict.values() for m in messages)
            raise CommandError(f"{reasons} Nothing was created.") from exc
        where = f" for {country.iso3}" if country else ""
        self.stdout.write(f"{person.email}: {Role(role).label}{where}")

    def _country(self, code: str | None) -> Country | None:
        if not code:
            return None
        country = Country.objects.filter(iso3=code.upper()).first()
        if country is None:
            raise CommandError(
                f"Unknown country code {code!r}: give an ISO alpha-3 code such as SEN. "
                "Nothing was created."
            )
        if not country.memberships.exists():
            raise CommandError(
                f"{country.iso3} ({country.name}) is not a member of the dialogue. "
                "Nothing was created."
            )
        return country

    def _theme(self, slug: str | None) -> Theme | None:
        if not slug:
            return None
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            known = ", ".join(Theme.objects.values_list("slug", flat=True))
            raise CommandError(f"Unknown theme {slug!r}: use one of {known}. Nothing was created.")
        return theme
