"""What this app does when a network person is handed over or erased (network.signals),
and its parts of the network's registries (preference centre, personal data)."""

from typing import Any

from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rabatnet.network.models import Handover, Person
from rabatnet.network.registries import (
    PreferenceSection,
    register_personal_data,
    register_preference_section,
)
from rabatnet.network.signals import person_erasing, person_handed_over

from . import services, sources
from .forms import MemberSubscriptionForm
from .models import Subscriber

sources.register()


@receiver(person_handed_over, dispatch_uid="newsletter_handover")
def hand_over_subscription(sender: Any, handover: Handover, **kwargs: Any) -> dict[str, int]:
    """The successor gets the newsletter (in their own language) if the predecessor had it."""
    predecessor = handover.ended.person
    successor = handover.started.person
    had = Subscriber.objects.filter(person=predecessor, status=Subscriber.Status.ACTIVE).exists()
    if not had:
        return {"newsletter": 0}
    subscriber = services.member_subscription_set(
        person=successor, subscribed=True, language=successor.language or "en"
    )
    return {"newsletter": 1 if subscriber is not None else 0}


@receiver(person_erasing, dispatch_uid="newsletter_erasure")
def erase_subscription(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """The person's subscription goes, with its deliveries and bounces (cascade); so does an
    anonymous subscription with the address of their account."""
    rows = Subscriber.objects.filter(person=person)
    address = services.member_address(person)
    if address:
        rows = rows | Subscriber.objects.filter(email__iexact=address)
    count, _by_model = rows.delete()
    return {"newsletter": count}


def personal_data(person: Person) -> dict[str, Any] | None:
    subscriber = Subscriber.objects.filter(person=person).first()
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "unsubscribed_at": (
            subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None
        ),
        "issues_received": [
            f"{d.issue.year} Q{d.issue.quarter}"
            for d in subscriber.deliveries.filter(status="sent").select_related("issue")
        ],
        "bounces": [
            {"kind": b.kind, "reported_at": b.reported_at.isoformat()}
            for b in subscriber.bounces.all()
        ],
    }


def preference_form(person: Person, data: Any) -> MemberSubscriptionForm:
    subscriber = Subscriber.objects.filter(person=person).first()
    initial = {
        "subscribed": subscriber is not None and subscriber.status == Subscriber.Status.ACTIVE,
        "language": subscriber.language if subscriber else (person.language or "en"),
    }
    return MemberSubscriptionForm(data, initial=initial, prefix="newsletter")


def preference_save(form: MemberSubscriptionForm, person: Person, request: HttpRequest) -> None:
    services.member_subscription_set(
        person=person,
        subscribed=form.cleaned_data["subscribed"],
        language=form.cleaned_data["language"],
    )


register_personal_data("newsletter", personal_data)
register_preference_section(
    PreferenceSection(
        key="newsletter",
        title=_("The Rabat Review (quarterly newsletter)"),
        template="newsletter/preference_section.html",
        form=preference_form,
        save=preference_save,
    )
)
