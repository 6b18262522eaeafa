"""Record a bounce reported by the mail server: ``report_bounce <email> --hard|--soft``."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rabatnet.newsletter import services


class Command(BaseCommand):
    help = "Record a hard or soft bounce for a newsletter subscriber."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        kind = parser.add_mutually_exclusive_group(required=True)
        kind.add_argument("--hard", action="store_true", help="The address does not exist.")
        kind.add_argument("--soft", action="store_true", help="A temporary failure.")
        parser.add_argument("--detail", default="", help="The server's message.")

    def handle(self, *args: Any, **options: Any) -> None:
        bounce = services.bounce_record(
            email=options["email"], hard=options["hard"], detail=options["detail"]
        )
        if bounce is None:
            raise CommandError(f"No subscriber has the address {options['email']!r}.")
        subscriber = bounce.subscriber
        self.stdout.write(
            f"Recorded a {bounce.kind} bounce for {subscriber.email}: "
            f"{subscriber.hard_bounces} hard in a row, status {subscriber.status}."
        )
