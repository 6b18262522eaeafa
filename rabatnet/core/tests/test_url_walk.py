"""Walk every named URL as an anonymous visitor, then as the secretariat.

Anonymously, public pages answer 200 and every other page sends the visitor to the login
page; the secretariat opens every page. A new URL must be classified here (and given
sample arguments if it takes any): until then this test fails. Each page has a ceiling on
its database queries (``CEILINGS``), so that an N+1 shows up here.
"""

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.translation import override

from rabatnet.core.tests.narrowing import present
from rabatnet.followup.tests.cycle_samples import cycle_samples
from rabatnet.followup.tests.initiative_samples import initiative_samples
from rabatnet.forums.models import Forum, Thread
from rabatnet.forums.tests.samples import forum_samples
from rabatnet.guides.models import Recommendation
from rabatnet.guides.tests.factories import published_guide
from rabatnet.meetings.tests.action_samples import action_samples
from rabatnet.meetings.tests.registration_samples import walk_samples as registration_samples
from rabatnet.meetings.tests.samples import meeting_samples
from rabatnet.network.tests.factories import AppointmentFactory, OrganisationFactory
from rabatnet.network.tests.factories import secretariat as secretariat_user
from rabatnet.newsletter.tests.factories import sent_issue
from rabatnet.questionnaires.tests.answer_samples import answer_samples
from rabatnet.questionnaires.tests.builder_samples import builder_samples
from rabatnet.questionnaires.tests.compilation_samples import compilation_samples
from rabatnet.questionnaires.tests.factories import make_questionnaire
from rabatnet.questionnaires.tests.interest_samples import interest_samples
from rabatnet.questionnaires.tests.submission_samples import submission_samples
from rabatnet.questionnaires.tests.workshop_fixtures import workshop_samples
from rabatnet.sources.models import Source
from rabatnet.statistics.services import geo_countries_sync
from rabatnet.statistics.tests.factories import DatasetFactory, IndicatorFactory
from rabatnet.support.tests.expert_samples import expert_samples
from rabatnet.support.tests.matching_samples import matching_samples
from rabatnet.support.tests.mission_samples import mission_samples
from rabatnet.support.tests.request_samples import request_samples

from .url_walk_classes import (
    CEILINGS,
    FOLLOWUP_COUNTRY_URLS,
    GUIDE_URLS,
    NEWSLETTER_ISSUE_URLS,
    OTHER,
    PRIVATE,
    PUBLIC,
    QUERY,
    SECRETARIAT_STATUS,
)


def named_urls(patterns: list, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from named_urls(pattern.url_patterns, inner)
        elif pattern.name:
            yield ":".join(filter(None, [namespace, pattern.name])), pattern


@pytest.fixture
def samples(db) -> dict[str, dict[str, object]]:
    appointment = AppointmentFactory.create()
    person_pk: dict[str, object] = {"pk": appointment.person.pk}
    guide = published_guide("SEN", "fr")
    source = present(Source.objects.filter(country__iso3="SEN").first())
    recommendation = present(Recommendation.objects.filter(guide=guide).first())
    IndicatorFactory.create(code="walk_indicator")
    geo_countries_sync()  # the country codes observations may carry (SEN in the queries)
    sen: dict[str, object] = {"iso3": "SEN"}
    issue = sent_issue(2026, 1)
    quarter: dict[str, object] = {"year": 2026, "quarter": 1}
    item = {**quarter, "pk": issue.items.order_by("pk")[0].pk}
    level_forum = Forum.objects.create(slug="walk-levels", name="Walk levels")
    level_thread = Thread.objects.create(forum=level_forum, title="Walk", author=appointment.person)
    return {
        **meeting_samples(),
        **submission_samples(),
        "xlsform:download": {"form_id": make_questionnaire("walk_form").form_id},
        **{name: quarter for name in NEWSLETTER_ISSUE_URLS},
        "newsletter:item_edit": item,
        "newsletter:item_delete": item,
        "newsletter:item_move": item,
        "newsletter:mail_preview": {**quarter, "language": "fr", "fmt": "html"},
        "newsletter:confirm": {"token": "made-up-token"},
        "newsletter:unsubscribe": {"token": "made-up-token"},
        **{name: sen for name in GUIDE_URLS},
        **{name: sen for name in FOLLOWUP_COUNTRY_URLS},
        "guides:edition": {**sen, "number": 1},
        "guides:edition_pdf": {**sen, "number": 1},
        "guides:endorsed": {**sen, "number": 1},
        "api:guide_editions": {**sen, "language": "fr"},
        "guides:decide": {**sen, "number": 1},
        "guides:publish": {**sen, "number": 1},
        "guides:part_create": {**sen, "part": "recommendations"},
        "guides:part_edit": {**sen, "part": "recommendations", "pk": recommendation.pk},
        "guides:part_delete": {**sen, "part": "recommendations", "pk": recommendation.pk},
        "accounts:email_confirm": {"token": "walk-token"},
        "sources:list": sen,
        "sources:create": sen,
        "sources:entity_create": sen,
        "sources:edit": {**sen, "pk": source.pk},
        "sources:delete": {**sen, "pk": source.pk},
        "api:get_country": {"iso3": "SEN"},
        "api:get_dataset": {"slug": DatasetFactory.create(slug="walk-dataset").slug},
        "statistics:dataset": {"slug": "walk-dataset"},
        "countries:detail": {"iso3": "SEN"},
        "statistics:profile": {"iso3": "SEN"},
        "statistics:profile_chart": {"iso3": "SEN", "kind": "population"},
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "network:country_area": {"iso3": "SEN"},
        "network:person_detail": person_pk,
        "network:person_edit": person_pk,
        "network:appointment_create": person_pk,
        "network:appointment_end": {"pk": appointment.pk},
        "network:person_vcf": person_pk,
        "network:person_confirm": person_pk,
        "network:organisation_edit": {"pk": OrganisationFactory.create().pk},
        "network:handover": {"pk": appointment.pk},
        "network:person_data": person_pk,
        "network:person_erase": person_pk,
        **forum_samples(),
        **cycle_samples(),
        **action_samples(),
        **registration_samples(),
        **initiative_samples(),
        **request_samples(),
        **mission_samples(),
        **matching_samples(),
        **expert_samples(),
        **workshop_samples(),
        **interest_samples(),
        **builder_samples(),
        **compilation_samples(),
        **answer_samples(),
        "forums:forum_level": {"slug": level_thread.forum.slug},
        "forums:thread_level": {"slug": level_thread.forum.slug, "pk": level_thread.pk},
    }


def project_urls() -> list[tuple[str, URLPattern]]:
    return [
        (n, p) for n, p in named_urls(get_resolver().url_patterns) if not n.startswith("admin:")
    ]


def test_every_url_is_classified() -> None:
    names = {name for name, _ in project_urls()}
    unclassified = names - PUBLIC - PRIVATE - set(OTHER)
    assert not unclassified, f"Classify these URLs in test_url_walk.py: {sorted(unclassified)}"
    assert not (PUBLIC | PRIVATE | set(OTHER)) - names, "Classified URLs that no longer exist"
    assert not names - set(CEILINGS), "Give these URLs a query ceiling in test_url_walk.py"


def _get(client, name: str, pattern: URLPattern, samples: dict, language: str):
    """GET the URL; its address, response and the number of queries it took."""
    needs_args = bool(pattern.pattern.converters) or "<" in str(pattern.pattern)
    assert not needs_args or name in samples, f"Give {name} sample arguments in test_url_walk"
    with override(language):
        url = reverse(name, kwargs=samples.get(name, {})) + QUERY.get(name, "")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            # Read to the end: the test client then closes the file (no ResourceWarning)
            # without closing the database connection, as response.close() would on
            # PostgreSQL (request_finished, inside the test's transaction).
            b"".join(response.streaming_content)
    return url, response, len(queries)


def _within_ceiling(name: str, url: str, count: int) -> None:
    ceiling = CEILINGS[name]
    assert count <= ceiling, f"{name} ({url}): {count} queries, ceiling {ceiling}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_anonymous_walk(client, samples, language: str) -> None:
    with override(language):
        login = reverse(settings.LOGIN_URL)
    for name, pattern in project_urls():
        url, response, count = _get(client, name, pattern, samples, language)
        if name in PUBLIC:
            assert response.status_code == 200, f"{name} ({url}) should be public"
        elif name in OTHER:
            assert response.status_code == OTHER[name], f"{name} ({url})"
        else:
            assert response.status_code == 302, f"{name} ({url}) should be private"
            assert response["Location"].startswith(f"{login}?next="), (
                f"{name} → {response['Location']}"
            )
        _within_ceiling(name, url, count)


@pytest.mark.django_db
def test_secretariat_walk(client, samples) -> None:
    """The secretariat may open every page: each answers (no 500) within its ceiling."""
    client.force_login(secretariat_user())
    wrong = []
    for name, pattern in project_urls():
        url, response, count = _get(client, name, pattern, samples, "en")
        expected = SECRETARIAT_STATUS.get(name, OTHER.get(name, 200))
        if response.status_code != expected:
            wrong.append(f"{name} ({url}): {response.status_code}, not {expected}")
        _within_ceiling(name, url, count)
    assert not wrong


@pytest.mark.django_db
def test_admin_sends_anonymous_visitors_to_its_login(client) -> None:
    """The admin's own login form is never shown: the site's sign-in page is used."""
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/login/?next=/en/admin/"

    response = client.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/admin/"
