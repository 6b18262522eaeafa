"""Give the demo forums a few threads and replies (example content, marked so)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rabatnet.forums import services
from rabatnet.forums.models import Forum, Thread
from rabatnet.network.models import Person

# (forum slug, title, [(author e-mail, text), ...]): the first text opens the thread.
DEMO_THREADS = [
    (
        "border-management",
        "Sharing practice on e-gates at land borders",
        [
            (
                "thematic.esp@demo.rabatnet.org",
                "Several partners are piloting e-gates. **What worked, what did not?** "
                "Please share short notes; attach reports as PDF.",
            ),
            (
                "focal.sen@demo.rabatnet.org",
                "In our pilot the main issue was staff training, not the equipment:\n\n"
                "- two weeks of training were too short\n- maintenance contracts matter",
            ),
            (
                "focal.mli@demo.rabatnet.org",
                "Thanks @Demo Focal Point (Senegal), the same in our case. Could the "
                "secretariat collect the training plans?",
            ),
        ],
    ),
    (
        "evidence-based-policy",
        "Which migration data do you publish every year?",
        [
            (
                "secretariat@demo.rabatnet.org",
                "To prepare the next thematic meeting, tell us which figures your country "
                "publishes each year and where.",
            ),
            (
                "workgroup.gha@demo.rabatnet.org",
                "Ghana: yearly border crossings and residence permits, on the statistics "
                "office's site.",
            ),
        ],
    ),
    (
        "sen",
        "Preparing the national guide's next edition",
        [
            (
                "focal.sen@demo.rabatnet.org",
                "Only our workgroup and the secretariat read this forum. Let us list the "
                "sections to update before the summer.",
            ),
            (
                "authority.sen@demo.rabatnet.org",
                "The contacts of the regional offices changed: I will send the new list.",
            ),
        ],
    ),
]


class Command(BaseCommand):
    help = "Example threads in the demo forums (example content; never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA:
            raise CommandError(
                "Demo forum content is loaded only with settings that have DEMO_DATA on "
                "(config.settings.demo). Refused with these settings."
            )
        services.forums_create_defaults()
        people = {p.email: p for p in Person.objects.filter(email__endswith="@demo.rabatnet.org")}
        missing = {e for _, _, posts in DEMO_THREADS for e, _ in posts} - set(people)
        if missing:
            raise CommandError(f"Run load_demo first: no demo person {sorted(missing)}.")
        made = 0
        with transaction.atomic():
            for slug, title, posts in DEMO_THREADS:
                forum = Forum.objects.filter(slug=slug).first()
                if forum is None or Thread.objects.filter(forum=forum, title=title).exists():
                    continue
                (email, text), *replies = posts
                thread = services.thread_create(
                    forum=forum, author=people[email], title=title, body=text
                )
                thread.is_example = True
                thread.save(update_fields=["is_example", "updated_at"])
                for email, text in replies:
                    services.post_reply(thread=thread, author=people[email], body=text)
                made += 1
        self.stdout.write(f"{made} example thread(s) added to the demo forums.")
