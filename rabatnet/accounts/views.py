from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.core.access import actor

from . import selectors, services
from .forms import EmailChangeForm, TokenForm
from .middleware import enrolment_view, otp_exempt
from .password_reset import QueuedPasswordResetForm


def _safe_next(request: HttpRequest, fallback: str = "network:private_home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return str(reverse_lazy(fallback))


class LoginView(auth_views.LoginView):
    """Public: e-mail (field ``username``) and password; then the second factor.

    An enrolled person is asked for the code; a person whose role requires two-factor
    (``TWO_FACTOR_REQUIRED_ROLES``) and who has not enrolled is taken to enrolment.
    """

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if selectors.has_two_factor(user):
            target = "accounts:verify"
        elif selectors.two_factor_required(user):
            target = "accounts:two_factor"
        else:
            return response
        query = urlencode({"next": self.get_success_url()})
        return redirect(f"{reverse(target)}?{query}")


login_view = login_not_required(LoginView.as_view())
logout_view = otp_exempt(auth_views.LogoutView.as_view())

password_reset = login_not_required(
    auth_views.PasswordResetView.as_view(
        form_class=QueuedPasswordResetForm,
        template_name="accounts/password_reset_form.html",
        success_url=reverse_lazy("accounts:password_reset_done"),
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
    )
)
password_reset_done = login_not_required(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = login_not_required(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


@otp_exempt
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Signed-in, not yet verified: enter a TOTP or recovery code."""
    form = TokenForm(request.POST or None)
    user = actor(request)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error(
            "token",
            _("This code is not valid. Check your device's clock, or use a recovery code."),
        )
    return render(request, "accounts/verify.html", {"form": form, "next": _safe_next(request)})


def _recovery_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    context = {"codes": codes, "next": _safe_next(request)}
    return render(request, "accounts/recovery_codes.html", context)


@enrolment_view
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Signed-in: enrol a TOTP device, renew recovery codes, or switch two-factor off.

    Also where a person whose role requires two-factor is sent until they enrol; they
    cannot switch it off.
    """
    user = actor(request)
    action = request.POST.get("action")
    required = selectors.two_factor_required(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    form = TokenForm()
    if action == "start":
        device = services.totp_device_start(user=user)
    elif action == "confirm" and device is not None:
        form = TokenForm(request.POST)
        if form.is_valid():
            codes = services.totp_device_confirm(device=device, token=form.cleaned_data["token"])
            if codes is not None:
                otp_login(request, TOTPDevice.objects.get(pk=device.pk))
                messages.success(request, _("Two-factor authentication is on."))
                return _recovery_codes(request, codes)
            form.add_error(
                "token", _("This code does not match. Try the next code your app shows.")
            )
    elif action == "renew" and user.is_verified():
        codes = services.recovery_codes_renew(user=user)
        return _recovery_codes(request, codes)
    elif action == "disable" and user.is_verified():
        if required:
            messages.error(request, _("Your role requires two-factor authentication: it stays on."))
        else:
            services.two_factor_disable(user=user)
            messages.success(request, _("Two-factor authentication is off."))
        return redirect("accounts:two_factor")
    context: dict[str, object] = {
        "enabled": selectors.has_two_factor(user),
        "required": required,
        "pending": device,
        "qr_svg": selectors.totp_qr_svg(device) if device else "",
        "secret": selectors.totp_secret(device) if device else "",
        "form": form,
        "next": _safe_next(request),
    }
    return render(request, "accounts/two_factor.html", context)


@require_http_methods(["GET", "POST"])
def email_change(request: HttpRequest) -> HttpResponse:
    """Signed-in: ask for a new sign-in address; it changes when the address confirms.

    The answer is the same whoever has the address (docs/decisions/0015).
    """
    user = actor(request)
    form = EmailChangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        site_url = f"{request.scheme}://{request.get_host()}"
        services.email_change_request(user=user, new_email=new_email, site_url=site_url)
        message = _(
            "We sent a link to %(email)s. Your address changes when you open it, signed in."
        )
        messages.success(request, message % {"email": new_email})
        return redirect("accounts:email_change")
    return render(request, "accounts/email_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Signed-in: confirm the new address from the link mailed to it (GET shows, POST acts)."""
    user = actor(request)
    try:
        new_email = services.email_change_target(user=user, token=token)
        if request.method == "POST":
            services.email_change_confirm(user=user, token=token)
            messages.success(
                request, _("Your sign-in address is now %(email)s.") % {"email": new_email}
            )
            return redirect("accounts:email_change")
    except ValidationError as exc:
        context = {"error": " ".join(exc.messages)}
        return render(request, "accounts/email_confirm.html", context, status=400)
    return render(request, "accounts/email_confirm.html", {"new_email": new_email})
