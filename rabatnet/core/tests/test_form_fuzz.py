"""No 500 from any input: every form of the site, posted odd values by somebody allowed to.

Each form class of the project must be a site form (clean text, checked keys) and be driven
here (or, for the admin's, in test_admin_fuzz.py): a new form fails
``test_every_form_is_driven`` until it is given a line in ``POSTS``.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.accounts.forms import EmailChangeForm, TokenForm
from rabatnet.accounts.password_reset import QueuedPasswordResetForm
from rabatnet.core.forms import SiteFormMixin, SiteModelForm, VersionedModelForm
from rabatnet.core.tests.narrowing import present
from rabatnet.guides import services as guide_services
from rabatnet.guides.forms import (
    PARTS,
    DecisionForm,
    GuideTextForm,
    Part,
    PartForm,
    StartForm,
)
from rabatnet.guides.models import Edition, Guide
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.imap.forms import MapStateForm
from rabatnet.network.forms import (
    AppointmentEndForm,
    AppointmentForm,
    ConfirmDetailsForm,
    DirectoryFilterForm,
    OrganisationForm,
    PersonForm,
)
from rabatnet.network.models import Appointment, Organisation, Person
from rabatnet.network.tests import factories as f
from rabatnet.sources.forms import EntityForm, SourceForm
from rabatnet.sources.models import Source
from rabatnet.statistics.forms import DownloadForm

from .form_fuzz_actions import action_posts
from .form_fuzz_answers import answer_posts
from .form_fuzz_cycles import cycle_posts
from .form_fuzz_dialogue import dialogue_posts
from .form_fuzz_initiatives import initiative_posts
from .form_fuzz_meetings import meetings_posts
from .form_fuzz_registration import registration_posts
from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names
from .form_fuzz_support import query_form as _query_form
from .form_fuzz_support import sen_url as _sen
from .form_fuzz_support import url_of as _url
from .form_fuzz_technical_support import technical_support_posts
from .forms_census import project_form_classes, values_for

BASES = {SiteModelForm, VersionedModelForm, PartForm}
# Driven in test_admin_fuzz.py (every admin form, through the admin's pages).
ADMIN_FORMS = {
    "AppointmentAdminForm",
    "PersonAdminForm",
    "VersionedAdminForm",
    "UserAdminChangeForm",
    "UserAdminCreationForm",
    "ForumAdminForm",
    "MembershipAdminForm",
    "ModerationActionAdminForm",
    "MeetingAdminForm",
    "ContributorAdminForm",
}
# Django's sign-in form is the site's too: driven below, though not a class of the project.


def _new_part_names(part: Part) -> Callable[[World], list[str]]:
    return lambda w: _names(part.form(w.guide, editor=w.users["focal_point"]))


def _edit_part_url(slug: str, part: Part) -> Callable[[World], str]:
    return lambda w: reverse(
        "guides:part_edit",
        kwargs={"iso3": "SEN", "part": slug, "pk": present(part.records(w.guide).first()).pk},
    )


def _edit_part_names(part: Part) -> Callable[[World], list[str]]:
    return lambda w: _names(
        part.form(
            w.guide,
            instance=part.records(w.guide).first(),
            editor=w.users["focal_point"],
        )
    )


def _part_posts() -> list[Post]:
    posts = []
    for slug, part in PARTS.items():
        posts.append(
            Post(
                PartForm,
                _sen("guides:part_create", part=slug),
                "focal_point",
                _new_part_names(part),
                label=f"{slug}-new",
            )
        )
        posts.append(
            Post(
                PartForm,
                _edit_part_url(slug, part),
                "focal_point",
                _edit_part_names(part),
                label=f"{slug}-edit",
            )
        )
    return posts


POSTS = [
    *_part_posts(),
    Post(
        GuideTextForm,
        _sen("guides:text"),
        "focal_point",
        lambda w: _names(GuideTextForm(instance=w.guide)),
    ),
    Post(StartForm, _sen("guides:start"), "focal_point", lambda w: ["language"]),
    Post(
        DecisionForm,
        lambda w: reverse("guides:decide", kwargs={"iso3": "SEN", "number": w.edition.number}),
        "authority",
        lambda w: _names(DecisionForm()),
    ),
    Post(
        SourceForm,
        _sen("sources:create"),
        "focal_point",
        lambda w: _names(SourceForm(country=w.guide.country, editor=w.users["focal_point"])),
        label="new",
    ),
    Post(
        SourceForm,
        lambda w: reverse("sources:edit", kwargs={"iso3": "SEN", "pk": w.source.pk}),
        "focal_point",
        lambda w: _names(
            SourceForm(instance=w.source, country=w.guide.country, editor=w.users["focal_point"])
        ),
        label="edit",
    ),
    Post(
        EntityForm,
        _sen("sources:entity_create"),
        "focal_point",
        lambda w: _names(EntityForm(country=w.guide.country)),
    ),
    Post(
        PersonForm,
        lambda w: reverse("network:person_create"),
        "secretariat",
        lambda w: _names(PersonForm()),
        label="new",
    ),
    Post(
        PersonForm,
        lambda w: reverse("network:person_edit", kwargs={"pk": w.person.pk}),
        "secretariat",
        lambda w: _names(PersonForm(instance=w.person)),
        label="edit",
    ),
    Post(
        OrganisationForm,
        lambda w: reverse("network:organisation_create"),
        "secretariat",
        lambda w: _names(OrganisationForm()),
        label="new",
    ),
    Post(
        OrganisationForm,
        lambda w: reverse("network:organisation_edit", kwargs={"pk": w.organisation.pk}),
        "secretariat",
        lambda w: _names(OrganisationForm(instance=w.organisation)),
        label="edit",
    ),
    Post(
        AppointmentForm,
        lambda w: reverse("network:appointment_create", kwargs={"pk": w.person.pk}),
        "secretariat",
        lambda w: _names(AppointmentForm()),
    ),
    Post(
        AppointmentEndForm,
        lambda w: reverse("network:appointment_end", kwargs={"pk": w.appointment.pk}),
        "secretariat",
        lambda w: _names(AppointmentEndForm()),
    ),
    *dialogue_posts(),
    *cycle_posts(),
    *action_posts(),
    *registration_posts(),
    *meetings_posts(),
    *initiative_posts(),
    *technical_support_posts(),
    *answer_posts(),
    # Forms read from the query (GET): a filter, the download picker, the map's state and search.
    _query_form(DirectoryFilterForm, "network:directory", "secretariat"),
    *(
        Post(
            DirectoryFilterForm,
            _url(name),
            "secretariat",
            lambda w: _names(DirectoryFilterForm(secretariat=True)),
            method="get",
            label=name.split(":")[1],
        )
        for name in ["network:directory", "network:directory_vcf", "network:directory_csv"]
    ),
    Post(
        ConfirmDetailsForm,
        lambda w: reverse(
            "network:person_confirm", kwargs={"pk": w.users["focal_point"].person.pk}
        ),
        "focal_point",
        lambda w: _names(ConfirmDetailsForm()),
    ),
    _query_form(DownloadForm, "statistics:download", "anonymous"),
    _query_form(MapStateForm, "imap:map", "anonymous"),
    Post(
        forms.Form,  # Django's sign-in form
        lambda w: reverse("accounts:login"),
        "anonymous",
        lambda w: ["username", "password"],
        label="login",
    ),
    Post(
        QueuedPasswordResetForm,
        lambda w: reverse("accounts:password_reset"),
        "anonymous",
        lambda w: ["email"],
        label="password-reset",
    ),
    Post(
        TokenForm,  # enrolling a device
        lambda w: reverse("accounts:two_factor"),
        "secretariat",
        lambda w: ["token"],
        fixed={"action": "confirm"},
        label="two-factor",
    ),
    Post(
        EmailChangeForm,  # changing one's own sign-in address
        lambda w: reverse("accounts:email_change"),
        "focal_point",
        lambda w: ["email", "password"],
        label="email-change",
    ),
]


def _post_id(post: Post) -> str:
    name = post.form.__name__ if post.form is not forms.Form else ""
    return "-".join(filter(None, [name, post.label]))


@pytest.fixture
def world(db: Any) -> World:
    guide = drafted_guide("SEN", "fr")
    edition = guide_services.guide_submit(guide=guide, actor=None)
    guide.refresh_from_db()
    appointment = f.AppointmentFactory.create()
    return World(
        guide=guide,
        edition=edition,
        source=present(Source.objects.filter(country__iso3="SEN").first()),
        person=appointment.person,
        organisation=f.OrganisationFactory.create(),
        appointment=appointment,
        users={
            "focal_point": f.focal_point("SEN"),
            "authority": f.coordinating_authority("SEN"),
            "secretariat": f.secretariat(),
        },
    )


def _counts() -> dict[str, int]:
    models: list[type[Model]] = [Person, Organisation, Appointment, Source, Guide, Edition]
    models += [part.model for part in PARTS.values()]
    return {m.__name__: m._default_manager.count() for m in models}


def test_every_form_is_a_site_form() -> None:
    """One place cleans text and checks keys: every form of the project inherits it."""
    strays = {cls.__name__ for cls in project_form_classes() if not issubclass(cls, SiteFormMixin)}
    assert not strays, f"Base these forms on core.forms.SiteForm / SiteModelForm: {strays}"


def test_every_form_is_driven() -> None:
    driven = {post.form.__name__ for post in POSTS} | ADMIN_FORMS
    base_names = {b.__name__ for b in BASES} | {"SiteForm"}
    missing = {c.__name__ for c in project_form_classes()} - driven - base_names
    assert not missing, f"Give these forms a line in POSTS (test_form_fuzz.py): {missing}"
    assert {p.label.rsplit("-", 1)[0] for p in POSTS if p.form is PartForm} == set(PARTS)


@pytest.mark.django_db
@pytest.mark.parametrize("post", POSTS, ids=_post_id)
def test_no_server_error_from_any_input(client: Any, world: World, post: Post) -> None:
    """Odd ids, numbers, dates and text: the page answers, nothing is written when refused."""
    if post.user != "anonymous":
        client.force_login(world.users[post.user])
    url = post.url(world)
    names = [n for n in post.names(world) if n not in post.fixed]

    @settings(
        max_examples=12,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=values_for(names), version_kept=st.booleans())
    def drive(data: dict[str, object], version_kept: bool) -> None:
        body: dict[str, object] = {**data, **post.fixed}
        if version_kept and "version" in body:
            body["version"] = "1"
        with transaction.atomic():
            before = _counts()
            response = getattr(client, post.method)(url, body)
            assert response.status_code < 500
            if response.status_code == 200 and post.method == "post":
                assert _counts() == before, "a refused form wrote something"
            transaction.set_rollback(True)

    drive()
    # And, whatever hypothesis drew, each name once with an id past any column's range.
    for name in names:
        for odd in ("99999999999999999999", "-99999999999999999999"):
            with transaction.atomic():
                response = getattr(client, post.method)(url, {name: [odd], **post.fixed})
                assert response.status_code < 500, f"{name}={odd}"
                transaction.set_rollback(True)


@pytest.mark.django_db
def test_an_oversized_area_id_is_a_form_error_on_the_area_field(client: Any, world: World) -> None:
    """The case seen on main: areas=99999999999999999999 answered 500."""
    client.force_login(world.users["focal_point"])
    data = {
        "entity": world.source.entity_id,
        "name": "Enquête",
        "kind": Source.Kind.CENSUS,
        "areas": ["99999999999999999999"],
        "status": Source.Status.EXISTING,
        "periodicity": Source.Periodicity.ANNUAL,
        "access": Source.Access.PUBLIC,
        "contact": "99999999999999999999",
    }

    response = client.post(reverse("sources:create", kwargs={"iso3": "SEN"}), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "areas" in errors
    assert "contact" in errors


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "12x"])
def test_every_model_choice_refuses_an_odd_key_as_a_field_error(world: World, value: str) -> None:
    """Model choice fields of every form, one and many, generated and declared."""
    editor = world.users["focal_point"]
    built: list[forms.BaseForm] = [
        SourceForm(country=world.guide.country, editor=editor),
        DirectoryFilterForm(),
        AppointmentForm(),
        OrganisationForm(),
        PersonForm(),
        *(part.form(world.guide, editor=editor) for part in PARTS.values()),
    ]
    checked = 0
    for unbound in built:
        for name, form_field in unbound.fields.items():
            if not isinstance(form_field, forms.ModelChoiceField):
                continue
            value_sent: object = (
                [value] if isinstance(form_field, forms.ModelMultipleChoiceField) else value
            )
            checked += 1
            with pytest.raises(forms.ValidationError):
                form_field.clean(value_sent)
            assert name
    assert checked >= 10
