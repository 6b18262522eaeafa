"""Two demo collection cycles (example content, marked so): one closed and partly verified,
one open with Senegal's drafts and Mali's submitted entries."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.followup import cycle_services as services
from rabatnet.followup.models import Cycle, ProgressStatus
from rabatnet.network.models import Person
from rabatnet.strategy.models import Framework, Objective

STATUSES = [s for s, _label in ProgressStatus.choices if s != ProgressStatus.NOT_APPLICABLE]


class Command(BaseCommand):
    help = "Example collection cycles and self-assessments (example content; never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo cycles are loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        users = {
            p.email: p.user
            for p in Person.objects.filter(email__endswith="@demo.rabatnet.org", user__isnull=False)
        }
        needed = ["focal.sen@demo.rabatnet.org", "focal.mli@demo.rabatnet.org"]
        needed.append("secretariat@demo.rabatnet.org")
        if missing := [e for e in needed if e not in users]:
            raise CommandError(f"Run load_demo first: no demo person {missing}.")
        framework = Framework.objects.filter(slug="dakar-strategy").first()
        if framework is None:
            raise CommandError("Run load_reference first: no Dakar Strategy.")
        made = 0
        with transaction.atomic():
            made += self._closed(framework, users)
            made += self._open(framework, users)
        self.stdout.write(f"{made} example cycle(s) added.")

    def _entries(self, cycle: Cycle, iso3: str, user: User, shift: int, count: int) -> None:
        country = Country.objects.get(iso3=iso3)
        for objective in Objective.objects.filter(framework=cycle.framework)[:count]:
            services.assessment_save(
                cycle=cycle,
                country=country,
                objective=objective,
                self_status=STATUSES[(objective.number + shift) % len(STATUSES)],
                narrative=f"Example narrative for objective {objective.number} ({iso3}).",
                expected_version=None,
                actor=user,
            )

    def _closed(self, framework: Framework, users: dict[str, Any]) -> int:
        if Cycle.objects.filter(slug="demo-2025").exists():
            return 0
        today = timezone.localdate()
        cycle = services.cycle_create(
            framework=framework,
            slug="demo-2025",
            title_en="Dakar Strategy follow-up 2025 (example)",
            title_fr="Suivi de la Stratégie de Dakar 2025 (exemple)",
            opens_on=today - timedelta(days=400),
            deadline=today - timedelta(days=300),
            example=True,
        )
        focal, secretariat = (
            users["focal.sen@demo.rabatnet.org"],
            users["secretariat@demo.rabatnet.org"],
        )
        self._entries(cycle, "SEN", focal, 0, 100)
        country = Country.objects.get(iso3="SEN")
        for entry in services.country_submit(cycle=cycle, country=country, actor=focal):
            services.assessment_verify(
                assessment=entry,
                verified_status=entry.self_status,
                verification_note="Checked against the national report (example).",
                expected_version=entry.version,
                actor=secretariat,
            )
        services.cycle_close(cycle=cycle)
        return 1

    def _open(self, framework: Framework, users: dict[str, Any]) -> int:
        if Cycle.objects.filter(slug="demo-2026").exists():
            return 0
        today = timezone.localdate()
        cycle = services.cycle_create(
            framework=framework,
            slug="demo-2026",
            title_en="Dakar Strategy follow-up 2026 (example)",
            title_fr="Suivi de la Stratégie de Dakar 2026 (exemple)",
            opens_on=today - timedelta(days=30),
            deadline=today + timedelta(days=14),
            example=True,
        )
        self._entries(cycle, "SEN", users["focal.sen@demo.rabatnet.org"], 1, 4)
        mali = users["focal.mli@demo.rabatnet.org"]
        self._entries(cycle, "MLI", mali, 2, 100)
        services.country_submit(cycle=cycle, country=Country.objects.get(iso3="MLI"), actor=mali)
        return 1
