"""Who is asked (a personal link), what they answered, and the files answers came in.

An ``Invitation`` is a respondent's personal link to one questionnaire for one country
(signed, expiring, revocable; no account needed). A ``Response`` holds the answers of one
respondent — typed on the web through a link, or imported from an ODK Central or
KoboToolbox export (``ImportBatch``: one file, all or nothing). An ``Answer`` is one value:
for a question inside a repeat group, ``row`` says which row (1, 2, ...); outside any repeat
it is 0. Values are stored as XLSForm/ODK would: choice codes (space-separated for select
several), ISO dates, numbers as written without grouping.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rabatnet.core.models import VersionedModel

from .definition import Question, Questionnaire


class Invitation(models.Model):
    """A respondent's personal link: one questionnaire, one country, one department."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("questionnaire"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="questionnaire_invitations",
        verbose_name=_("country"),
    )
    department = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="questionnaire_invitations",
        verbose_name=_("department"),
    )
    respondent_name = models.CharField(_("respondent's name"), max_length=200)
    respondent_email = models.EmailField(_("respondent's e-mail address"))
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", "English"), ("fr", "Français")]
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("invitation to answer")
        verbose_name_plural = _("invitations to answer")
        ordering = ["questionnaire", "country", "department__name", "pk"]

    def __str__(self) -> str:
        return f"{self.questionnaire.form_id} — {self.respondent_name}"


class ImportBatch(models.Model):
    """One file of submissions imported from ODK Central or KoboToolbox (all or nothing)."""

    class Format(models.TextChoices):
        KOBO = "kobo", "KoboToolbox"
        ODK = "odk", "ODK Central"

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="import_batches",
        verbose_name=_("questionnaire"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    file_name = models.CharField(_("file name"), max_length=250)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    submissions = models.PositiveIntegerField(_("submissions"))
    left_out = models.JSONField(
        _("left out (rejected in review)"),
        default=list,
        blank=True,
        help_text=_(
            "Instance IDs of the file's submissions that ODK Central or KoboToolbox marked "
            "rejected (not approved) in its review: not imported."
        ),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        verbose_name = _("import of submissions")
        verbose_name_plural = _("imports of submissions")
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.questionnaire.form_id} — {self.file_name}"


class Response(VersionedModel):
    """One respondent's answers to a questionnaire, for a country."""

    class Origin(models.TextChoices):
        WEB = "web", _("answered on the web")
        KOBO = "kobo", _("imported from KoboToolbox")
        ODK = "odk", _("imported from ODK Central")

    class Status(models.TextChoices):
        DRAFT = "draft", _("saved, not submitted")
        SUBMITTED = "submitted", _("submitted")

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("questionnaire"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="questionnaire_responses",
        verbose_name=_("country"),
    )
    invitation = models.OneToOneField(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="response",
        verbose_name=_("invitation"),
    )
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("imported in"),
    )
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    instance_id = models.CharField(
        _("instance ID"),
        max_length=100,
        blank=True,
        help_text=_("The submission's ID in ODK or KoboToolbox (meta/instanceID, _uuid)."),
    )
    department = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionnaire_responses",
        verbose_name=_("department"),
    )
    respondent_name = models.CharField(_("respondent's name"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["questionnaire", "country", "-submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "instance_id"],
                condition=~Q(instance_id=""),
                name="response_unique_instance_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire.form_id} — {self.country_id} — {self.pk}"


class Answer(models.Model):
    """One answer; ``row`` is the repeat row (1, 2, ...) or 0 outside any repeat."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    row = models.PositiveIntegerField(_("repeat row"), default=0)
    value = models.TextField(_("value"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "row", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "row"], name="answer_once_per_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question.name}[{self.row}] = {self.value[:40]}"
