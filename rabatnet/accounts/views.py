from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors, services
from .forms import TokenForm
from .middleware import otp_exempt
from .password_reset import QueuedPasswordResetForm


def _safe_next(request: HttpRequest, fallback: str = "network:private_home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return str(reverse_lazy(fallback))


class LoginView(auth_views.LoginView):
    """Public: e-mail (field ``username``) and password; then the code for enrolled people."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        if selectors.has_two_factor(form.get_user()):
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse_lazy('accounts:verify')}?{query}")
        return response


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
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error(
            "token",
            _("This code is not valid. Check your device's clock, or use a recovery code."),
        )
    return render(request, "accounts/verify.html", {"form": form, "next": _safe_next(request)})


@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Signed-in: enrol a TOTP device, renew recovery codes, or switch two-factor off."""
    action = request.POST.get("action")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    form = TokenForm()
    if action == "start":
        device = services.totp_device_start(user=request.user)
    elif action == "confirm" and device is not None:
        form = TokenForm(request.POST)
        if form.is_valid():
            codes = services.totp_device_confirm(device=device, token=form.cleaned_data["token"])
            if codes is not None:
                otp_login(request, TOTPDevice.objects.get(pk=device.pk))
                messages.success(request, _("Two-factor authentication is on."))
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
            form.add_error(
                "token", _("This code does not match. Try the next code your app shows.")
            )
    elif action == "renew" and request.user.is_verified():
        codes = services.recovery_codes_renew(user=request.user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes})
    elif action == "disable" and request.user.is_verified():
        services.two_factor_disable(user=request.user)
        messages.success(request, _("Two-factor authentication is off."))
        return redirect("accounts:two_factor")
    context = {
        "enabled": selectors.has_two_factor(request.user),
        "pending": device,
        "qr_svg": selectors.totp_qr_svg(device) if device else "",
        "secret": selectors.totp_secret(device) if device else "",
        "form": form,
    }
    return render(request, "accounts/two_factor.html", context)
