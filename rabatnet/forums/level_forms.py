"""Forms of notification levels: one forum or thread, and the preference centre's section."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm
from rabatnet.network.models import Person

from .models import Delivery, Level, Membership, Notification, ThreadSubscription

FORUM_PREFIX = "membership_"
THREAD_PREFIX = "subscription_"


class LevelForm(SiteForm):
    """A level for one forum or thread. Empty: on a forum, "join at my default level"; on a
    thread, "as in the forum" (the thread's own level goes)."""

    level = forms.ChoiceField(label=_("Notifications"), choices=Level.choices, required=False)


class ForumPreferencesForm(SiteForm):
    """The forums' section of the preference centre, for one person: fields are built from
    their own memberships and subscriptions only."""

    forum_delivery = forms.ChoiceField(label=_("Forum e-mails"), choices=Delivery.choices)
    default_level = forms.ChoiceField(label=_("Level in forums I join"), choices=Level.choices)

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recent: list[Notification] = []  # shown beside the form (receivers sets it)
        self.memberships = list(
            Membership.objects.filter(person=person).select_related("forum").order_by("forum__name")
        )
        self.subscriptions = list(
            ThreadSubscription.objects.filter(person=person)
            .select_related("thread__forum")
            .order_by("thread__forum__name", "thread__title")
        )
        for membership in self.memberships:
            self.fields[f"{FORUM_PREFIX}{membership.pk}"] = forms.ChoiceField(
                label=membership.forum.name,
                choices=Level.choices,
                initial=membership.level,
                widget=forms.Select(attrs={"aria-label": membership.forum.name}),
            )
        for subscription in self.subscriptions:
            self.fields[f"{THREAD_PREFIX}{subscription.pk}"] = forms.ChoiceField(
                label=subscription.thread.title,
                choices=Level.choices,
                initial=subscription.level,
                widget=forms.Select(attrs={"aria-label": subscription.thread.title}),
            )

    def membership_rows(self) -> list[tuple[Membership, forms.BoundField]]:
        return [(m, self[f"{FORUM_PREFIX}{m.pk}"]) for m in self.memberships]

    def subscription_rows(self) -> list[tuple[ThreadSubscription, forms.BoundField]]:
        return [(s, self[f"{THREAD_PREFIX}{s.pk}"]) for s in self.subscriptions]

    def levels(self, prefix: str) -> dict[int, str]:
        return {
            int(name.removeprefix(prefix)): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix)
        }
