"""A meeting of the dialogue and what it is made of: programme, documents, conclusions."""

import uuid
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager
from simple_history.models import HistoricalRecords

from rabatnet.core.models import TimeStampedModel, VersionedModel


class MeetingKind(models.TextChoices):
    THEMATIC = "thematic", _("thematic meeting")
    STEERING_COMMITTEE = "steering_committee", _("Steering Committee meeting")
    SENIOR_OFFICIALS = "senior_officials", _("Senior Officials' Meeting")
    MINISTERIAL = "ministerial", _("ministerial conference")
    EXPERT_WORKSHOP = "expert_workshop", _("expert workshop")


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def published(self) -> "MeetingQuerySet":
        return self.filter(published=True)


# The manager modeltranslation would build at run time, written out so that mypy knows it.
MeetingManager = MultilingualManager.from_queryset(MeetingQuerySet)


class Meeting(VersionedModel):
    """A meeting. ``version`` is the iCalendar ``SEQUENCE``: every save raises it.

    Times are stored in UTC and shown in ``timezone`` (an IANA name, the venue's). When
    only the month is known (``date_precision`` "month", as the seed's "March 2014, to be
    confirmed"), ``starts_at`` is the first day of that month and ``ends_at`` its last.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        TENTATIVE = "tentative", _("to be confirmed")
        CANCELLED = "cancelled", _("cancelled")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month only")

    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public site and in feeds.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    date_precision = models.CharField(
        _("dates known to the"), max_length=10, choices=DatePrecision.choices, default="day"
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    host_country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_hosted",
        verbose_name=_("host country"),
    )
    co_chairs = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="meetings_co_chaired",
        verbose_name=_("co-chairs"),
    )
    theme = models.ForeignKey(
        "strategy.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("priority theme"),
    )
    objectives = models.ManyToManyField(
        "strategy.Objective", blank=True, related_name="meetings", verbose_name=_("objectives")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    delegation_size = models.PositiveSmallIntegerField(
        _("delegates per country"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    participants_restricted = models.BooleanField(
        _("participant list for members only"), default=True
    )
    example = models.BooleanField(
        _("example content"), default=False, help_text=_("Demo content, marked as such.")
    )

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    summary_en: str | None
    summary_fr: str | None
    venue_en: str | None
    venue_fr: str | None
    city_en: str | None
    city_fr: str | None

    objects = MeetingManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """A session of a meeting's agenda."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("meeting")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)

    title_en: str | None
    title_fr: str | None

    objects: ClassVar[MultilingualManager["Session"]] = MultilingualManager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="session_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class AgendaItem(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="items", verbose_name=_("session")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)

    title_en: str | None
    title_fr: str | None

    objects: ClassVar[MultilingualManager["AgendaItem"]] = MultilingualManager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="agenda_item_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Document(TimeStampedModel):
    """A document of a meeting; its language versions are its ``files`` (one per language)."""

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("agenda")
        CONCEPT_NOTE = "concept_note", _("concept note")
        PRESENTATION = "presentation", _("presentation")
        CONCLUSIONS = "conclusions", _("conclusions")
        REPORT = "report", _("report")
        OTHER = "other", _("other")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("agenda item"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    restricted = models.BooleanField(_("for members only"), default=False)

    title_en: str | None
    title_fr: str | None

    objects: ClassVar[MultilingualManager["Document"]] = MultilingualManager()

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "kind", "pk"]

    def __str__(self) -> str:
        return self.title


class DocumentFile(models.Model):
    """One language version of a document, its type read from the content when uploaded."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="files", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=5)
    file = models.FileField(_("file"), upload_to="meetings/%Y/")
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="document_file_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.language})"


class Conclusion(models.Model):
    """A numbered conclusion of a meeting; it may become follow-up actions."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("meeting")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    text_en: str | None
    text_fr: str | None

    objects: ClassVar[MultilingualManager["Conclusion"]] = MultilingualManager()

    class Meta:
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="conclusion_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class Participation(models.Model):
    """A country or an organisation present at a meeting, with the size of its delegation."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", verbose_name=_("meeting")
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
        verbose_name=_("organisation"),
    )
    delegates = models.PositiveSmallIntegerField(_("delegates"), default=0)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(country__isnull=False) & Q(organisation__isnull=True))
                | (Q(country__isnull=True) & Q(organisation__isnull=False)),
                name="participation_country_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["meeting", "country"], name="participation_one_per_country"
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="participation_one_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return str(self.country or self.organisation)
