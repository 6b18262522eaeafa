"""Private pages of the expressions of interest: the list, declaring, a declaration with its
guide's stage and stakeholders, editing, acknowledging, withdrawing.

Each view fetches through the access layer (``permissions.access_interest`` /
``access_interest_country``): unknown 404, anonymous the sign-in page, anybody else 403.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rabatnet.accounts.models import User
from rabatnet.core.access import actor, grant, parse_iso3
from rabatnet.core.steps import take_step
from rabatnet.countries.models import Country
from rabatnet.guides.models import Stage
from rabatnet.network.permissions import is_member, is_secretariat
from rabatnet.network.selectors import user_countries
from rabatnet.network.visibility import person_card

from . import interest_services as services
from .interest_forms import DeclareForm, InterestForm, StakeholderForm, WithdrawForm
from .models import ExpressionOfInterest, Stakeholder
from .permissions import (
    access_interest,
    access_interest_country,
    can_acknowledge_interest,
    can_declare_interest,
    can_manage_stakeholders,
    can_withdraw_interest,
)
from .stakeholder_services import needing_accounts


def _declarable(user: Any) -> list[Country]:
    """The countries the visitor may declare for: the secretariat every country taking part."""
    if is_secretariat.test(user):
        return list(Country.objects.taking_part().distinct().order_by("name_en"))
    countries = user_countries(user) if isinstance(user, User) else []
    return [c for c in countries if can_declare_interest(user, c)]


@require_GET
def interest_list(request: HttpRequest) -> HttpResponse:
    """Members: the declarations of their countries; the secretariat: all, with the stage."""
    grant(request, bool(is_member.test(request.user)))
    choose = request.GET.get("country", "")
    if choose:
        return redirect("interest:declare", iso3=parse_iso3(choose))
    interests = ExpressionOfInterest.objects.select_related(
        "country", "guide", "lead_institution"
    ).order_by("-declared_at", "-pk")
    if not is_secretariat.test(request.user):
        user = request.user
        interests = interests.filter(
            country__in=user_countries(user) if isinstance(user, User) else []
        )
    context = {"interests": list(interests), "declarable": _declarable(request.user)}
    return render(request, "questionnaires/interest_list.html", context)


@require_http_methods(["GET", "POST"])
def declare(request: HttpRequest, iso3: str) -> HttpResponse:
    """The country's focal point (or the secretariat): the guide starts with the declaration."""
    country = access_interest_country(request, iso3)
    form = DeclareForm(request.POST or None, country=country, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interest = services.interest_declare(
                country=country,
                language=data["language"],
                lead_institution=data["lead_institution"],
                coordinator=data["coordinator"],
                note=data["note"],
                actor=actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The interest is declared: the guide starts, the secretariat is told.")
            )
            return redirect("interest:detail", pk=interest.pk)
    return render(
        request, "questionnaires/interest_declare.html", {"country": country, "form": form}
    )


def _stakeholders(interest: ExpressionOfInterest) -> list[Stakeholder]:
    return list(
        Stakeholder.objects.filter(guide=interest.guide)
        .select_related("organisation", "person", "guide")
        .order_by("organisation__name", "pk")
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Anybody appointed for the country, the secretariat: the declaration, the guide's stage,
    its stakeholders and the steps open to the visitor."""
    interest = access_interest(request, pk, "view")
    user = request.user
    stakeholders = _stakeholders(interest)
    cards = {s.pk: person_card(user, s.person) if s.person else None for s in stakeholders}
    open_ = interest.status != ExpressionOfInterest.Status.WITHDRAWN
    manage = open_ and can_manage_stakeholders(user, interest)
    context = {
        "interest": interest,
        "guide": interest.guide,
        "stages": _stages(interest.guide.stage),
        "withdrawal": services.withdrawal(interest),
        "stakeholders": [(s, cards[s.pk]) for s in stakeholders],
        "coordinator": person_card(user, interest.coordinator),
        "needing_accounts": needing_accounts(stakeholders),
        "can_acknowledge": interest.status == ExpressionOfInterest.Status.DECLARED
        and can_acknowledge_interest(user, interest),
        "can_withdraw": services.may_withdraw(interest) and can_withdraw_interest(user, interest),
        "can_edit": manage,
        "can_manage": manage,
        "is_secretariat": is_secretariat.test(user),
        "form": StakeholderForm(country=interest.country, viewer=user) if manage else None,
    }
    return render(request, "questionnaires/interest_detail.html", context)


def _stages(current: str) -> list[tuple[str, str]]:
    """The seed's timetable with, for each stage, "done", "current" or "" (to come)."""
    here = Stage.position(current)
    return [
        (str(label), "done" if i < here else "current" if i == here else "")
        for i, (_value, label) in enumerate(Stage.choices)
    ]


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Who manages the stakeholders: the lead institution, the coordinator, the note."""
    interest = access_interest(request, pk, "stakeholders")
    form = InterestForm(request.POST or None, instance=interest, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        user = actor(request)
        if form.save_through(
            lambda: services.interest_update(
                interest=interest, expected_version=form.cleaned_data["version"], actor=user
            )
        ):
            messages.success(request, _("Your changes were saved."))
            return redirect("interest:detail", pk=interest.pk)
    return render(
        request, "questionnaires/interest_edit.html", {"interest": interest, "form": form}
    )


@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat, once: the declarer is told."""
    interest = access_interest(request, pk, "acknowledge")

    def write() -> None:
        services.interest_acknowledge(interest=interest, actor=actor(request))
        messages.success(request, _("Acknowledged: the declarer is told."))

    return take_step(request, write, "interest:detail", pk=interest.pk)


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The country's focal point or the secretariat, with a reason, while the guide is
    prepared (not past drafting)."""
    interest = access_interest(request, pk, "withdraw")
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.interest_withdraw(
                interest=interest, reason=form.cleaned_data["reason"], actor=actor(request)
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The interest is withdrawn."))
        return redirect("interest:detail", pk=interest.pk)
    context = {"interest": interest, "form": form, "allowed": services.may_withdraw(interest)}
    return render(request, "questionnaires/interest_withdraw.html", context)
