"""The form fuzz's pages of the network's lifecycle, the forums and the newsletter."""

from collections.abc import Callable

from django.urls import reverse

from rabatnet.core.tests.narrowing import present
from rabatnet.forums.forms import (
    FlagForm,
    MoveForm,
    PostEditForm,
    ReplyForm,
    SearchForm,
    ThreadForm,
)
from rabatnet.forums.level_forms import ForumPreferencesForm, LevelForm
from rabatnet.forums.models import Forum, Thread
from rabatnet.forums.models import Post as ForumPost
from rabatnet.forums.tests.samples import fuzz_thread
from rabatnet.network.lifecycle_forms import ErasureConfirmForm, HandoverForm
from rabatnet.network.models import Person
from rabatnet.newsletter import forms as newsletter_forms
from rabatnet.newsletter.models import Issue
from rabatnet.newsletter.tests.factories import draft_issue

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names
from .form_fuzz_support import query_form as _query_form


def _issue() -> Issue:
    """The draft of 2026 Q1 the newsletter's forms post to (made on first use)."""
    return Issue.objects.filter(year=2026, quarter=1).first() or draft_issue(2026, 1)


def _newsletter(name: str, **kwargs: object) -> Callable[[World], str]:
    return lambda w: reverse(
        f"newsletter:{name}", kwargs={"year": _issue().year, "quarter": 1, **kwargs}
    )


def _item_url(w: World) -> str:
    item = present(_issue().items.first())
    return reverse("newsletter:item_edit", kwargs={"year": 2026, "quarter": 1, "pk": item.pk})


def _item_names(w: World) -> list[str]:
    item = present(_issue().items.first())
    return _names(newsletter_forms.ItemForm(instance=item))


def _newsletter_posts() -> list[Post]:
    nf = newsletter_forms
    return [
        Post(
            nf.SubscribeForm,
            lambda w: reverse("newsletter:subscribe"),
            "anonymous",
            lambda w: ["email", "language"],
            label="newsletter-subscribe",
        ),
        Post(
            nf.IssueStartForm,
            lambda w: reverse("newsletter:start"),
            "secretariat",
            lambda w: ["year", "quarter"],
            label="newsletter-start",
        ),
        Post(
            nf.IssueTextForm,
            _newsletter("edit"),
            "secretariat",
            lambda w: _names(nf.IssueTextForm(instance=_issue())),
            label="newsletter-text",
        ),
        Post(
            nf.ItemForm,
            _newsletter("item_add"),
            "secretariat",
            lambda w: _names(nf.ItemForm()),
            label="newsletter-item-add",
        ),
        Post(nf.ItemForm, _item_url, "secretariat", _item_names, label="newsletter-item-edit"),
        Post(
            nf.HighlightForm,
            _newsletter("highlights"),
            "secretariat",
            lambda w: ["post"],
            label="newsletter-highlight",
        ),
        Post(
            nf.TestSendForm,
            _newsletter("test_send"),
            "secretariat",
            lambda w: ["address", "language"],
            label="newsletter-test",
        ),
        Post(
            nf.SendForm,
            _newsletter("send"),
            "secretariat",
            lambda w: ["confirm_missing"],
            label="newsletter-send",
        ),
        # Answers 404 unless NEWSLETTER_BOUNCE_TOKEN is set (the tests' settings have none).
        Post(
            nf.BounceForm,
            lambda w: reverse("newsletter:bounce"),
            "anonymous",
            lambda w: ["email", "kind", "detail"],
            label="newsletter-bounce",
        ),
        # The preference centre (helper D's page) shows this form as its newsletter section.
        Post(
            nf.MemberSubscriptionForm,
            lambda w: "/en/private/notifications/",
            "focal_point",
            lambda w: ["newsletter-subscribed", "newsletter-language"],
            label="newsletter-preferences",
        ),
    ]


def _level_thread(w: World) -> Thread:
    """A forum and thread for the level forms (made on first use)."""
    forum, _ = Forum.objects.get_or_create(slug="fuzz-levels", defaults={"name": "Fuzz"})
    thread = Thread.objects.filter(forum=forum).first()
    return thread or Thread.objects.create(forum=forum, title="Fuzz", author=w.person)


def _own_person(w: World) -> Person:
    return present(Person.objects.filter(user=w.users["focal_point"]).first())


def _fuzz_thread(w: World) -> Thread:
    return fuzz_thread(w.users["focal_point"])


def _fuzz_post(w: World) -> ForumPost:
    return _fuzz_thread(w).posts.get()


def dialogue_posts() -> list[Post]:
    return [
        *_newsletter_posts(),
        Post(
            HandoverForm,
            lambda w: reverse("network:handover", kwargs={"pk": w.appointment.pk}),
            "secretariat",
            lambda w: _names(HandoverForm(appointment=w.appointment)),
        ),
        Post(
            ErasureConfirmForm,
            lambda w: reverse("network:person_erase", kwargs={"pk": w.person.pk}),
            "secretariat",
            lambda w: _names(ErasureConfirmForm(person=w.person)),
        ),
        Post(
            ThreadForm,
            lambda w: reverse(
                "forums:thread_create",
                kwargs={"slug": _fuzz_thread(w).forum.slug},
            ),
            "focal_point",
            lambda w: _names(ThreadForm()),
        ),
        Post(
            ReplyForm,
            lambda w: _fuzz_thread(w).get_absolute_url() + "reply/",
            "focal_point",
            lambda w: _names(ReplyForm()),
        ),
        Post(
            PostEditForm,
            lambda w: reverse(
                "forums:post_edit",
                kwargs={"pk": _fuzz_post(w).pk},
            ),
            "focal_point",
            lambda w: _names(PostEditForm(instance=_fuzz_post(w))),
        ),
        Post(
            FlagForm,
            lambda w: reverse(
                "forums:post_flag",
                kwargs={"pk": _fuzz_post(w).pk},
            ),
            "secretariat",
            lambda w: _names(FlagForm()),
        ),
        Post(
            MoveForm,
            lambda w: _fuzz_thread(w).get_absolute_url() + "move/",
            "secretariat",
            lambda w: _names(MoveForm(forums=Forum.objects.all())),
        ),
        _query_form(SearchForm, "forums:forums", "secretariat"),
        Post(
            LevelForm,
            lambda w: reverse("forums:forum_level", kwargs={"slug": _level_thread(w).forum.slug}),
            "focal_point",
            lambda w: ["level", "next"],
            label="forum",
        ),
        Post(
            LevelForm,
            lambda w: reverse(
                "forums:thread_level",
                kwargs={"slug": _level_thread(w).forum.slug, "pk": _level_thread(w).pk},
            ),
            "focal_point",
            lambda w: ["level", "next"],
            label="thread",
        ),
        Post(
            ForumPreferencesForm,  # the forums' section of the preference centre
            lambda w: reverse("network:notifications"),
            "focal_point",
            lambda w: _names(ForumPreferencesForm(person=_own_person(w), prefix="forums")),
            fixed={"section": "forums"},
        ),
    ]
