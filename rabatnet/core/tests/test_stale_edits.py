"""Stale edits refused on every path.

For each versioned model: a form opened in the site, then the record changed in the admin,
then the site form submitted: refused, with the admin's change listed. And the other way
round: the admin's form refuses a save when the record moved on since it was opened.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.db.models import Model
from django.test import RequestFactory
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.core.forms import VersionedAdminForm
from rabatnet.core.models import VersionedModel
from rabatnet.core.tests.narrowing import present
from rabatnet.followup.cycle_forms import AssessmentForm
from rabatnet.followup.models import Assessment, Cycle
from rabatnet.followup.tests.cycle_fixtures import fill, make_cycle
from rabatnet.guides import services as guide_services
from rabatnet.guides.forms import PARTS, GuideTextForm
from rabatnet.guides.models import ContentItem, CorrectiveAction, Guide
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.meetings.forms import MeetingForm
from rabatnet.meetings.tests.conftest import load_seed_meetings
from rabatnet.network.forms import OrganisationForm, PersonForm
from rabatnet.network.models import Organisation, Person
from rabatnet.network.tests import factories as f
from rabatnet.newsletter.forms import IssueTextForm, ItemForm
from rabatnet.newsletter.models import Issue
from rabatnet.newsletter.tests.factories import draft_issue
from rabatnet.sources.forms import SourceForm
from rabatnet.sources.models import Source
from rabatnet.support.expert_forms import ExpertForm
from rabatnet.support.models import Expert
from rabatnet.support.tests.factories import make_expert

from .stale_edit_builder import builder_cases


def form_data(form: forms.BaseForm) -> dict[str, Any]:
    """What a browser posts back for ``form`` left as it was shown."""
    data: dict[str, Any] = {}
    for bound in form:
        value = bound.field.prepare_value(bound.value())
        if isinstance(bound.field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        elif isinstance(value, date):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = "" if value is None else str(value)
    return data


def admin_data(obj: Model, superuser: User, **changes: str) -> dict[str, Any]:
    """The admin change form of ``obj`` as shown, with ``changes``; inlines left alone."""
    model_admin = admin.site._registry[type(obj)]
    request = RequestFactory().get("/")
    request.user = superuser
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    data = form_data(form)
    for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset.get_default_prefix()
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def admin_url(obj: Model) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@dataclass(frozen=True)
class Case:
    """A versioned record, its edit page in the site, and the field the admin changes."""

    name: str
    record: Callable[[Guide], VersionedModel]
    site_url: Callable[[VersionedModel], str]
    site_form: Callable[[VersionedModel, User], forms.BaseForm]
    field: str
    site_user: str = "focal_point"


def _part_case(slug: str, field: str) -> Case:
    part = PARTS[slug]
    return Case(
        slug,
        lambda guide: present(part.records(guide).first()),
        lambda obj: reverse("guides:part_edit", kwargs={"iso3": "SEN", "part": slug, "pk": obj.pk}),
        lambda obj, user: part.form(_guide_of(obj), instance=obj, editor=user),
        field,
    )


def _guide_of(obj: Model) -> Guide:
    if isinstance(obj, CorrectiveAction):
        return obj.challenge.guide
    guide = getattr(obj, "guide", None)
    assert isinstance(guide, Guide)
    return guide


def _source_form(obj: VersionedModel, user: User) -> forms.BaseForm:
    assert isinstance(obj, Source)
    return SourceForm(instance=obj, country=obj.country, editor=user)


def _issue() -> Issue:
    return Issue.objects.filter(year=2026, quarter=1).first() or draft_issue(2026, 1)


NEWSLETTER_EDIT = "/en/newsletter/manage/2026/q1/"

CASES = [
    Case(
        "newsletter-issue",
        lambda guide: _issue(),
        lambda obj: NEWSLETTER_EDIT,
        lambda obj, user: IssueTextForm(instance=obj),
        "title_fr",
        site_user="secretariat",
    ),
    Case(
        "newsletter-item",
        lambda guide: present(_issue().items.first()),
        lambda obj: f"{NEWSLETTER_EDIT}items/{obj.pk}/",
        lambda obj, user: ItemForm(instance=obj),
        "title_fr",
        site_user="secretariat",
    ),
    Case(
        "guide",
        lambda guide: guide,
        lambda obj: reverse("guides:text", kwargs={"iso3": "SEN"}),
        lambda obj, user: GuideTextForm(instance=obj),
        "title",
    ),
    _part_case("actors", "description"),
    _part_case("workgroup", "role_in_group"),
    _part_case("practices", "title"),
    _part_case("challenges", "description"),
    _part_case("actions", "description"),
    _part_case("recommendations", "addressee"),
    Case(
        "source",
        lambda guide: present(Source.objects.filter(country=guide.country).first()),
        lambda obj: reverse("sources:edit", kwargs={"iso3": "SEN", "pk": obj.pk}),
        _source_form,
        "name",
    ),
    Case(
        "person",
        lambda guide: Person.objects.get(full_name="Awa Contact"),
        lambda obj: reverse("network:person_edit", kwargs={"pk": obj.pk}),
        lambda obj, user: PersonForm(instance=obj),
        "job_title",
        site_user="secretariat",
    ),
    Case(
        "organisation",
        lambda guide: Organisation.objects.get(acronym="ANSD"),
        lambda obj: reverse("network:organisation_edit", kwargs={"pk": obj.pk}),
        lambda obj, user: OrganisationForm(instance=obj),
        "name",
        site_user="secretariat",
    ),
    Case(
        "meeting",
        lambda guide: load_seed_meetings()["2013-09-dakar-thematic-meeting"],
        lambda obj: reverse("meetings:edit", kwargs={"slug": "2013-09-dakar-thematic-meeting"}),
        lambda obj, user: MeetingForm(instance=obj),
        "title_fr",
        site_user="secretariat",
    ),
]


def _cycle() -> Cycle:
    return Cycle.objects.filter(slug="stale-round").first() or make_cycle("stale-round")


def _assessment() -> Assessment:
    cycle = _cycle()
    return cycle.assessments.first() or fill(cycle, "SEN", f.focal_point("SEN"))[0]


CASES += [
    Case(
        "assessment",
        lambda guide: _assessment(),
        lambda obj: reverse(
            "cycles:assessment", kwargs={"slug": "stale-round", "iso3": "SEN", "number": 1}
        ),
        lambda obj, user: AssessmentForm(instance=obj),
        "narrative",
    ),
]


def _expert() -> Expert:
    return Expert.objects.order_by("pk").first() or make_expert()


# The expert roster (issue 12, B): the secretariat's edit of a profile.
CASES += [
    Case(
        "expert",
        lambda guide: _expert(),
        lambda obj: reverse("experts:edit", kwargs={"pk": obj.pk}),
        lambda obj, user: ExpertForm(instance=obj, manager=True),
        "summary",
        site_user="secretariat",
    ),
]


# The questionnaire builder (issue 13, F): a questionnaire's settings and a question.
CASES += [Case(**fields) for fields in builder_cases()]

CHANGED = "Changed in the admin"


@pytest.fixture
def guide(db: Any) -> Guide:
    return drafted_guide("SEN", "fr")


@pytest.fixture
def users(db: Any) -> dict[str, User]:
    return {
        "focal_point": f.focal_point("SEN"),
        "secretariat": f.secretariat(),
        "superuser": f.UserFactory.create(is_superuser=True, is_staff=True),
    }


# Versioned records only the admin edits: its VersionedAdminForm refuses a stale admin tab.
ADMIN_ONLY = {"Forum"}
# Versioned records only the site edits (never in the admin): their own tests refuse a stale
# site form (forums/tests/test_writing.py::test_edit_keeps_history_and_refuses_a_stale_edit;
# threads change only through moderation services that lock them; a collection cycle is the
# secretariat's at its site pages: followup/tests/test_cycle_pages.py; a registration's form:
# meetings/tests/test_registration_flow.py::test_a_stale_edit_is_refused_with_the_change_shown;
# followup/tests/test_initiatives.py::test_stale_edit_is_refused for initiatives).
SITE_ONLY = {"Thread", "Post", "Cycle", "Registration", "Initiative"}
# Follow-up actions: meetings/tests/test_actions_writes.py::test_a_stale_edit_of_the_
# secretariat_is_refused and ::test_a_stale_progress_update_is_refused_with_the_change_shown.
SITE_ONLY |= {"FollowUpAction"}
# Support requests: the country edits one at the site only while received (support/tests/
# test_request_pages.py::test_a_stale_edit_of_a_request_is_refused_with_the_change_shown).
SITE_ONLY |= {"SupportRequest"}
# Lists of choices (issue 13, F): questionnaires/tests/test_builder_choices.py::
# test_stale_edits_are_refused_with_the_change_shown.
SITE_ONLY |= {"ChoiceList"}


def test_every_versioned_model_has_a_case() -> None:
    """Every concrete VersionedModel edited in both the admin and the site has a case in
    CASES; the others are named in ADMIN_ONLY (with a versioned admin form) or SITE_ONLY."""
    concrete = {m for m in apps.get_models() if issubclass(m, VersionedModel)}
    in_admin = {m for m in concrete if m in admin.site._registry}
    assert {m.__name__ for m in concrete - in_admin} == SITE_ONLY, "In neither list"
    for model in in_admin:
        if model.__name__ in ADMIN_ONLY:
            assert issubclass(admin.site._registry[model].form, VersionedAdminForm), model
    names = {m.__name__ for m in in_admin} - ADMIN_ONLY
    assert names == {
        "Guide",
        "ActorRole",
        "WorkgroupMember",
        "Practice",
        "Challenge",
        "CorrectiveAction",
        "Recommendation",
        "Source",
        "Person",
        "Organisation",
        "Issue",
        "Item",
        "Assessment",
        "Meeting",
        "Expert",
        "Questionnaire",
        "Question",
    }, "A versioned model without a case here (or not in the admin)"
    assert len(CASES) == len(names)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_site_form_opened_before_an_admin_change_is_refused(
    client: Any, guide: Guide, users: dict[str, User], case: Case
) -> None:
    record = case.record(guide)
    editor = users[case.site_user]
    opened = form_data(case.site_form(record, editor))
    version = record.version
    client.force_login(users["superuser"])

    response = client.post(
        admin_url(record), admin_data(record, users["superuser"], **{case.field: CHANGED})
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert record.version == version + 1
    client.force_login(editor)
    opened[case.field] = "Mine"
    response = client.post(case.site_url(record), opened)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert CHANGED in [str(value) for _label, value in form.stale_changes]
    record.refresh_from_db()
    assert getattr(record, case.field) == CHANGED


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_an_admin_form_opened_before_a_site_change_is_refused(
    client: Any, guide: Guide, users: dict[str, User], case: Case
) -> None:
    record = case.record(guide)
    superuser = users["superuser"]
    opened = admin_data(record, superuser, **{case.field: "The admin's"})
    client.force_login(users[case.site_user])
    changed = form_data(case.site_form(record, users[case.site_user]))
    changed[case.field] = "Changed in the site"
    assert client.post(case.site_url(record), changed).status_code == 302
    client.force_login(superuser)

    response = client.post(admin_url(record), opened)

    assert response.status_code == 200
    errors = str(response.context["adminform"].form.non_field_errors())
    assert "Someone else saved this record" in errors
    assert "Changed in the site" in errors
    record.refresh_from_db()
    assert getattr(record, case.field) == "Changed in the site"


def test_ticking_contents_raises_the_guide_version_so_an_open_text_form_is_refused(
    client: Any, guide: Guide, users: dict[str, User]
) -> None:
    editor = users["focal_point"]
    opened = form_data(GuideTextForm(instance=guide))
    client.force_login(editor)
    client.post(
        reverse("guides:contents", kwargs={"iso3": "SEN"}),
        {"contents": [str(present(ContentItem.objects.first()).pk)]},
    )
    version = guide.version

    guide.refresh_from_db()
    assert guide.version == version + 1
    opened["title"] = "Mine"
    response = client.post(reverse("guides:text", kwargs={"iso3": "SEN"}), opened)
    assert response.status_code == 200
    assert "Someone else saved this record" in str(response.context["form"].non_field_errors())


def test_guide_contents_set_raises_the_version(guide: Guide) -> None:
    version = guide.version
    guide_services.guide_contents_set(
        guide=guide, items=list(ContentItem.objects.all()), actor=None
    )
    assert Guide.objects.get(pk=guide.pk).version == version + 1


@pytest.mark.django_db
def test_every_save_raises_the_stored_version_even_from_a_stale_copy() -> None:
    person = f.PersonFactory.create()
    stale = Person.objects.get(pk=person.pk)
    person.job_title = "Director"
    person.save()
    stale.phone = "+221"
    stale.save(update_fields=["phone"])

    assert Person.objects.get(pk=person.pk).version == 3
