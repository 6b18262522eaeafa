"""The guide, the steps of its life, and its editions."""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class Language(models.TextChoices):
    FR = "fr", "Français"
    EN = "en", "English"
    PT = "pt", "Português"


class Stage(models.TextChoices):
    """The seed's timetable, step by step."""

    EXPRESSION_OF_INTEREST = "expression_of_interest", _("expression of interest")
    STAKEHOLDERS = "stakeholders_identified", _("stakeholders identified")
    QUESTIONNAIRES = "questionnaires", _("questionnaires")
    WORKSHOP = "national_workshop", _("national workshop")
    DRAFTING = "drafting", _("drafting")
    SUBMITTED = "submitted", _("submitted for endorsement")
    ENDORSED = "endorsed", _("endorsed")
    PUBLISHED = "published", _("published")
    FOLLOW_UP = "follow_up", _("follow-up")

    @classmethod
    def position(cls, stage: str) -> int:
        return cls.values.index(stage)


class Guide(VersionedModel):
    """A country's user's guide in one language; its parts are records edited in the workspace."""

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="guides",
        verbose_name=_("country"),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title = models.CharField(_("title"), max_length=250, blank=True)
    context = models.TextField(
        _("context and foreword"),
        blank=True,
        help_text=_("Markdown: blank lines between paragraphs, '-' for lists, **bold**."),
    )
    stage = models.CharField(
        _("stage"), max_length=30, choices=Stage.choices, default=Stage.EXPRESSION_OF_INTEREST
    )
    profile_contents = models.ManyToManyField(
        "guides.ContentItem",
        blank=True,
        related_name="guides",
        verbose_name=_("contents covered by the migration profile"),
    )
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords(m2m_fields=[profile_contents])

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["country__iso3", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "language"], name="guide_unique_language_per_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country.iso3} ({self.language})"

    def get_absolute_url(self) -> str:
        url = reverse("guides:detail", kwargs={"iso3": self.country.iso3})
        return f"{url}?lang={self.language}"


class GuideEvent(models.Model):
    """A step of the guide's life: who moved it to which stage, when, and why."""

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="events", verbose_name=_("guide")
    )
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("guide event")
        verbose_name_plural = _("guide events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.guide}: {self.get_stage_display()} ({self.at:%Y-%m-%d})"


def content_hash(content: dict) -> str:
    """SHA-256 of the content in canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class Edition(models.Model):
    """A snapshot of the guide submitted for endorsement; once published, frozen.

    The database refuses any change to a published edition's content or hashes
    (a trigger, see the migration ``edition_published_is_frozen``).
    """

    class Status(models.TextChoices):
        # "edition" context: in French the edition is feminine, the guide masculine.
        SUBMITTED = "submitted", pgettext_lazy("edition", "submitted for endorsement")
        RETURNED = "returned", pgettext_lazy("edition", "sent back with comments")
        ENDORSED = "endorsed", pgettext_lazy("edition", "endorsed")
        PUBLISHED = "published", pgettext_lazy("edition", "published")

    guide = models.ForeignKey(
        Guide, on_delete=models.PROTECT, related_name="editions", verbose_name=_("guide")
    )
    number = models.PositiveIntegerField(_("edition number"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    content = models.JSONField(_("content"))
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    decided_at = models.DateTimeField(_("endorsed or sent back at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("endorsed or sent back by"),
    )
    decision_comment = models.TextField(_("comments of the authority"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["guide", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "number"], name="edition_unique_number_per_guide"
            ),
            models.CheckConstraint(
                condition=models.Q(content_sha256__regex=r"^[0-9a-f]{64}$"),
                name="edition_content_sha256_is_hex",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.guide} — {self.number}"

    def get_absolute_url(self) -> str:
        return (
            reverse(
                "guides:edition", kwargs={"iso3": self.guide.country.iso3, "number": self.number}
            )
            + f"?lang={self.guide.language}"
        )

    def verify(self) -> bool:
        """True if the stored content still hashes to the recorded SHA-256."""
        return content_hash(self.content) == self.content_sha256


class EditionRedaction(models.Model):
    """A public redaction of an edition: people who withdrew their consent after it was made.

    The edition's content and SHA-256 stay as endorsed; the public renderings show the content
    with ``withdrawn`` people replaced by their position and organisation (``redacted_sha256``
    is that content's hash, ``pdf_sha256`` its PDF's). Each row holds every person withdrawn
    from the edition so far; the latest row is the one in force (docs/decisions/0020).
    """

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="redactions", verbose_name=_("edition")
    )
    redacted_at = models.DateTimeField(_("redacted at"))
    people = models.ManyToManyField(
        "network.Person", related_name="+", verbose_name=_("people withdrawn")
    )
    withdrawn = models.JSONField(
        _("people withdrawn, as matched"),
        help_text=_("Id, name and e-mail of each person, as recorded at the withdrawal."),
    )
    redacted_sha256 = models.CharField(_("redacted content SHA-256"), max_length=64)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("edition redaction")
        verbose_name_plural = _("edition redactions")
        ordering = ["edition", "-redacted_at", "-pk"]
        get_latest_by = ["redacted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.edition} — {self.redacted_at:%Y-%m-%d}"


class PdfBuild(models.Model):
    """A PDF build queued for an edition's content (endorsed or redacted): queued once."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="pdf_builds", verbose_name=_("edition")
    )
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64)
    queued_at = models.DateTimeField(_("queued at"))

    class Meta:
        verbose_name = _("PDF build")
        verbose_name_plural = _("PDF builds")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "content_sha256"], name="pdfbuild_unique_per_edition_content"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition} — {self.content_sha256[:12]}"
