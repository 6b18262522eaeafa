"""A questionnaire as XLSForm knows it: a ``form_id``, questions in order, lists of choices.

The rows of the XLSForm ``survey`` sheet are ``Question`` rows: a group or a repeat is a
question of type ``group`` / ``repeat`` whose children point to it (``parent``); the order
is ``position``, over the whole questionnaire. The ``choices`` sheet is ``ChoiceList`` +
``Choice``; the ``settings`` sheet is the questionnaire's own fields. Labels, hints and
messages are in English and French (modeltranslation: ``label_en``, ``label_fr``), which
is ``label::English (en)`` and ``label::French (fr)`` in the XLSForm.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel

# XLSForm names: a letter or underscore, then letters, digits, underscores, dots, hyphens
# (XML element names, which is what ODK makes of them).
XLSFORM_NAME = RegexValidator(
    r"^[A-Za-z_][A-Za-z0-9_.\-]*\Z",
    _(
        "Use a letter or an underscore first, then only letters, digits, underscores, dots "
        "or hyphens (no spaces, no accents)."
    ),
    code="xlsform_name",
)


# Choice codes (the choices sheet's ``name``): what answers store. XLSForm allows any code
# without spaces (select several stores codes separated by spaces), digits first included:
# many forms use 1, 2, 3.
CHOICE_CODE = RegexValidator(
    r"^[^\s\x00-\x1f\x7f]+\Z",
    _("A choice code has no spaces and no control characters (e.g. yes, 1, census)."),
    code="choice_code",
)

# Words the site's addresses use beside form IDs (/private/questionnaires/import/, .../new/).
RESERVED_FORM_IDS = frozenset({"import", "new", "countries"})


class GuidePart(models.TextChoices):
    """The part of the guide a questionnaire feeds."""

    SOURCES = "sources", _("part I — information sources")
    ACTORS = "actors", _("part II — policy actors")
    CHALLENGES = "challenges", _("part III — challenges and practices")
    RECOMMENDATIONS = "recommendations", _("part IV — recommendations")


class Feeds(models.TextChoices):
    """The field of a guide record a question's answer feeds (``kind.field``).

    Questions that feed the same kind inside one repeat group (or outside any repeat) make
    one candidate record per row (``rabatnet.questionnaires.compilation``).
    """

    SOURCE_NAME = "source.name", _("source: name")
    SOURCE_ENTITY = "source.entity", _("source: data collection entity")
    SOURCE_KIND = "source.kind", _("source: kind of source")
    SOURCE_AREAS = "source.areas", _("source: areas covered")
    SOURCE_STATUS = "source.status", _("source: existing or potential")
    SOURCE_PERIODICITY = "source.periodicity", _("source: periodicity")
    SOURCE_LAST_RELEASE = "source.last_release", _("source: last release")
    SOURCE_ACCESS = "source.access", _("source: access")
    SOURCE_DESCRIPTION = "source.description", _("source: description")
    SOURCE_URL = "source.url", _("source: web address")
    ACTOR_ORGANISATION = "actor.organisation", _("actor: institution")
    ACTOR_STAGE = "actor.stage", _("actor: stage of the policy cycle")
    ACTOR_DESCRIPTION = "actor.description", _("actor: what it does at this stage")
    CHALLENGE_TYPE = "challenge.challenge_type", _("challenge: listed challenge")
    CHALLENGE_TITLE = "challenge.title", _("challenge: the country's own challenge")
    CHALLENGE_DESCRIPTION = "challenge.description", _("challenge: how it shows")
    PRACTICE_KIND = "practice.kind", _("practice: kind")
    PRACTICE_TITLE = "practice.title", _("practice: title")
    PRACTICE_DESCRIPTION = "practice.description", _("practice: description")
    PRACTICE_ORGANISATION = "practice.organisation", _("practice: institution")
    PRACTICE_YEAR = "practice.year", _("practice: year")
    RECOMMENDATION_CATEGORY = "recommendation.category", _("recommendation: category")
    RECOMMENDATION_TEXT = "recommendation.text", _("recommendation: text")
    RECOMMENDATION_ADDRESSEE = "recommendation.addressee", _("recommendation: addressed to")
    RECOMMENDATION_PRIORITY = "recommendation.priority", _("recommendation: priority")


class Questionnaire(VersionedModel):
    """A questionnaire the secretariat builds (or imports as an XLSForm) and countries run."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open for answers")
        CLOSED = "closed", _("closed")

    form_id = models.CharField(
        _("form ID"),
        max_length=60,
        unique=True,
        validators=[XLSFORM_NAME],
        help_text=_("The XLSForm form_id: how ODK, KoboToolbox and this site know the form."),
    )
    form_version = models.CharField(
        _("form version"),
        max_length=40,
        blank=True,
        help_text=_("The XLSForm version (settings sheet), e.g. 2026120101."),
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    guide_part = models.CharField(
        _("part of the guide it feeds"), max_length=20, choices=GuidePart.choices, blank=True
    )
    default_language = models.CharField(
        _("default language"),
        max_length=2,
        choices=[("en", "English"), ("fr", "Français")],
        default="en",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_standard = models.BooleanField(
        _("standard questionnaire"),
        default=False,
        help_text=_("Shipped with the platform, built from the guide's parts."),
    )
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-is_standard", "form_id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.form_id})"

    def clean(self) -> None:
        if self.form_id in RESERVED_FORM_IDS:
            raise ValidationError(
                {
                    "form_id": _("“%(form_id)s” is a word the site keeps; choose another form ID.")
                    % {"form_id": self.form_id}
                }
            )


class ChoiceList(VersionedModel):
    """A list of choices (``list_name`` of the XLSForm ``choices`` sheet)."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="choice_lists",
        verbose_name=_("questionnaire"),
    )
    name = models.CharField(_("list name"), max_length=60, validators=[XLSFORM_NAME])

    class Meta:
        verbose_name = _("list of choices")
        verbose_name_plural = _("lists of choices")
        ordering = ["questionnaire", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "name"], name="choice_list_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Choice(models.Model):
    """One choice: its code (``name``, what is stored) and its labels."""

    choice_list = models.ForeignKey(
        ChoiceList, on_delete=models.CASCADE, related_name="choices", verbose_name=_("list")
    )
    name = models.CharField(_("code"), max_length=60, validators=[CHOICE_CODE])
    label = models.CharField(_("label"), max_length=250)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["choice_list", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["choice_list", "name"], name="choice_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.label}"


class Question(VersionedModel):
    """A row of the survey sheet: a question, a note, or a group / repeat holding others."""

    class Type(models.TextChoices):
        TEXT = "text", _("text")
        INTEGER = "integer", _("whole number")
        DECIMAL = "decimal", _("decimal number")
        DATE = "date", _("date")
        SELECT_ONE = "select_one", _("select one")
        SELECT_MULTIPLE = "select_multiple", _("select several")
        NOTE = "note", _("note (no answer)")
        GROUP = "group", _("section (group)")
        REPEAT = "repeat", _("repeat group (one row per item)")

    CONTAINERS = (Type.GROUP, Type.REPEAT)
    SELECTS = (Type.SELECT_ONE, Type.SELECT_MULTIPLE)

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("questionnaire"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("inside"),
        help_text=_("The section or repeat group the question belongs to."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    name = models.CharField(
        _("name"),
        max_length=60,
        validators=[XLSFORM_NAME],
        help_text=_("The XLSForm name: the column of the answers in ODK and KoboToolbox."),
    )
    label = models.TextField(_("label"), blank=True)
    hint = models.TextField(_("hint"), blank=True)
    choice_list = models.ForeignKey(
        ChoiceList,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("list of choices"),
    )
    required = models.BooleanField(_("required"), default=False)
    required_message = models.CharField(_("message when missing"), max_length=250, blank=True)
    relevant = models.CharField(
        _("asked only if"),
        max_length=500,
        blank=True,
        help_text=_("An XLSForm condition, e.g. ${has_sources} = 'yes'."),
    )
    constraint = models.CharField(
        _("constraint"),
        max_length=500,
        blank=True,
        help_text=_("An XLSForm constraint on the answer (.), e.g. . >= 0."),
    )
    constraint_message = models.CharField(
        _("message when the constraint fails"), max_length=250, blank=True
    )
    appearance = models.CharField(_("appearance"), max_length=60, blank=True)
    feeds = models.CharField(
        _("guide field it feeds"), max_length=40, choices=Feeds.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "name"], name="question_unique_name"),
            models.CheckConstraint(
                condition=Q(choice_list__isnull=True)
                | Q(type__in=["select_one", "select_multiple"]),
                name="question_choices_only_for_selects",
            ),
        ]

    def __str__(self) -> str:
        return self.name
