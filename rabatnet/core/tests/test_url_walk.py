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
from rabatnet.forums.models import Forum, Thread
from rabatnet.forums.tests.samples import forum_samples
from rabatnet.guides.models import Recommendation
from rabatnet.guides.tests.factories import published_guide
from rabatnet.network.tests.factories import AppointmentFactory, OrganisationFactory
from rabatnet.network.tests.factories import secretariat as secretariat_user
from rabatnet.newsletter.tests.factories import sent_issue
from rabatnet.sources.models import Source
from rabatnet.statistics.services import geo_countries_sync
from rabatnet.statistics.tests.factories import DatasetFactory, IndicatorFactory

PUBLIC = {
    "healthz",
    "api:index",
    # Same address as api:index (ninja's own root view, shadowed by the index).
    "api:api-root",
    "api:openapi-json",
    "api:list_countries",
    "api:get_country",
    "api:list_objectives",
    "api:list_themes",
    "core:home",
    "countries:list",
    "countries:detail",
    "imap:svg",
    "imap:png",
    "imap:csv",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "guides:detail",
    "guides:pdf",
    "guides:docx",
    "guides:editions",
    "guides:edition",
    "guides:edition_pdf",
    "guides:compare",
    "statistics:catalogue",
    "statistics:dataset",
    "statistics:download",
    "api:list_datasets",
    "api:get_dataset",
    "api:list_indicators",
    "api:list_observations",
    "api:guide_editions",
    "statistics:profile",
    "imap:map",
    "imap:embed",
    "newsletter:archive",
    "newsletter:subscribe",
    "newsletter:issue",
    "newsletter:issue_pdf",
}
PRIVATE = {
    "guides:endorsed",
    "accounts:logout",
    "accounts:two_factor",
    "accounts:verify",
    "accounts:email_change",
    "accounts:email_confirm",
    "network:private_home",
    "network:country_area",
    "network:directory",
    "network:person_create",
    "network:person_detail",
    "network:person_edit",
    "network:appointment_create",
    "network:appointment_end",
    "network:organisation_list",
    "network:organisation_create",
    "network:organisation_edit",
    "network:directory_vcf",
    "network:directory_csv",
    "network:person_vcf",
    "network:person_confirm",
    "network:handover",
    "network:welcome",
    "network:my_data",
    "network:person_data",
    "network:person_erase",
    "network:notifications",
    "forums:forum_level",
    "forums:thread_level",
    "sources:list",
    "sources:create",
    "sources:edit",
    "sources:delete",
    "sources:entity_create",
    "guides:workspace",
    "guides:start",
    "guides:step",
    "guides:text",
    "guides:contents",
    "guides:preview",
    "guides:part_create",
    "guides:part_edit",
    "guides:part_delete",
    "guides:history",
    "guides:decide",
    "guides:publish",
    "guides:timeline",
    "newsletter:manage",
    "newsletter:start",
    "newsletter:edit",
    "newsletter:item_add",
    "newsletter:item_edit",
    "newsletter:item_delete",
    "newsletter:item_move",
    "newsletter:highlights",
    "newsletter:mail_preview",
    "newsletter:test_send",
    "newsletter:send",
    "forums:forums",
    "forums:forum",
    "forums:thread",
    "forums:thread_create",
    "forums:reply",
    "forums:post_edit",
    "forums:post_history",
    "forums:post_flag",
    "forums:post_moderate",
    "forums:thread_moderate",
    "forums:thread_move",
    "forums:flag_resolve",
    "forums:attachment",
    "forums:queue",
    "forums:queue_all",
    "forums:log",
}
# URLs that answer something else than 200 to anybody, on purpose.
# A profile chart without data (the walk's database holds no statistics) is not found.
OTHER = {"favicon": 302, "statistics:profile_chart": 404}
# A made-up subscriber token names nobody; the bounce endpoint takes only a POST (and is off
# without NEWSLETTER_BOUNCE_TOKEN).
OTHER |= {"newsletter:confirm": 404, "newsletter:unsubscribe": 404, "newsletter:bounce": 405}


# What the secretariat's GET answers where it is not 200: the steps are POST only.
POST_ONLY = {
    "accounts:logout",
    "guides:start",
    "guides:step",
    "guides:decide",
    "guides:publish",
    "guides:part_delete",
    "sources:delete",
    "network:appointment_end",
    "network:person_confirm",
    "newsletter:item_edit",
    "newsletter:item_delete",
    "newsletter:item_move",
    "newsletter:test_send",
    "newsletter:send",
    "forums:post_moderate",
    "forums:thread_moderate",
    "forums:flag_resolve",
    "forums:forum_level",
    "forums:thread_level",
}
# The walk's e-mail confirmation token is no real one: the page says the link is not valid.
SECRETARIAT_STATUS = {name: 405 for name in POST_ONLY} | {
    "accounts:login": 302,
    "accounts:email_confirm": 400,
}

# Queries per page: the most the anonymous visitor or the secretariat may cost (measured
# on the walk's data, plus 2 for the session and the second factor's checks).
CEILINGS: dict[str, int] = {
    "accounts:login": 4,
    "accounts:logout": 4,
    "accounts:password_reset": 4,
    "accounts:password_reset_complete": 4,
    "accounts:password_reset_confirm": 5,
    "accounts:password_reset_done": 4,
    "accounts:two_factor": 8,
    "accounts:verify": 4,
    "api:api-root": 4,
    "api:get_country": 6,
    "api:get_dataset": 8,
    "api:index": 4,
    "api:list_countries": 6,
    "api:list_datasets": 8,
    "api:list_indicators": 9,
    "api:list_objectives": 5,
    "api:list_observations": 8,
    "api:list_themes": 5,
    "api:guide_editions": 10,
    "api:openapi-json": 4,
    "accounts:email_change": 5,
    "accounts:email_confirm": 5,
    "core:home": 5,
    # With its map drawn afresh (each test starts with an empty cache): the revision counters,
    # the members and their names; a kept picture costs the counters only.
    "countries:detail": 11,
    "countries:list": 6,
    # The map's downloads of the default state (membership), its picture drawn afresh: the
    # revision numbers, the layer's reads, the names.
    "imap:csv": 5,
    "imap:png": 7,
    "imap:svg": 7,
    "favicon": 4,
    "guides:compare": 13,
    "guides:contents": 11,
    "guides:decide": 6,
    "guides:detail": 13,
    "guides:docx": 7,
    "guides:edition": 13,
    "guides:edition_pdf": 7,
    "guides:endorsed": 12,
    "guides:editions": 8,
    "guides:history": 39,
    "guides:part_create": 9,
    "guides:part_delete": 6,
    "guides:part_edit": 10,
    "guides:pdf": 7,
    "guides:preview": 25,
    "guides:publish": 6,
    "guides:start": 6,
    "guides:step": 6,
    "guides:text": 9,
    "guides:timeline": 9,
    "guides:workspace": 19,
    "healthz": 5,
    "imap:embed": 13,  # the guides layer of SEN: 11 anonymous (measured on A's and B's work)
    "imap:map": 20,  # the same + the country panel: 16 measured (A, B and D merged in a trial)
    "network:appointment_create": 11,
    "network:appointment_end": 6,
    "network:country_area": 9,
    "network:directory": 11,
    "network:organisation_create": 9,
    "network:organisation_edit": 10,
    "network:organisation_list": 8,
    "network:person_create": 8,
    "network:person_detail": 10,
    "network:person_edit": 9,
    "network:private_home": 9,
    "network:directory_vcf": 11,
    "network:directory_csv": 11,
    "network:person_vcf": 10,
    "network:person_confirm": 6,
    "network:handover": 9,  # 7 measured
    # 8, 8 and 9 measured without the forums' and newsletter's registered sections (+2 each)
    "network:welcome": 12,
    "network:my_data": 12,
    "network:person_data": 13,
    "network:person_erase": 7,  # 5 measured
    "newsletter:archive": 5,
    "newsletter:bounce": 4,
    "newsletter:confirm": 5,
    "newsletter:edit": 12,
    "newsletter:highlights": 9,
    "newsletter:issue": 7,
    "newsletter:issue_pdf": 6,
    "newsletter:item_add": 8,
    "newsletter:item_delete": 6,
    "newsletter:item_edit": 6,
    "newsletter:item_move": 6,
    "newsletter:mail_preview": 8,
    "newsletter:manage": 8,
    "newsletter:send": 6,
    "newsletter:start": 8,
    "newsletter:subscribe": 4,
    "newsletter:test_send": 6,
    "newsletter:unsubscribe": 5,
    "network:notifications": 12,
    "forums:forum_level": 4,
    "forums:thread_level": 4,
    "sources:create": 12,
    "sources:delete": 6,
    "sources:edit": 14,
    "sources:entity_create": 8,
    "sources:list": 12,
    "statistics:catalogue": 15,  # + the derived values of each dataset not from an import
    "statistics:dataset": 10,  # + its derivations and derived or partial values (uncached)
    "statistics:download": 9,
    "statistics:profile": 7,
    "statistics:profile_chart": 7,
    "forums:forums": 13,
    "forums:forum": 10,
    "forums:thread": 19,
    "forums:thread_create": 8,
    "forums:reply": 8,
    "forums:post_edit": 8,
    "forums:post_history": 8,
    "forums:post_flag": 8,
    "forums:post_moderate": 5,
    "forums:thread_moderate": 5,
    "forums:thread_move": 8,
    "forums:flag_resolve": 5,
    "forums:attachment": 7,
    "forums:queue": 9,
    "forums:queue_all": 9,
    "forums:log": 8,
}

# Newsletter URLs that take only the issue's quarter.
NEWSLETTER_ISSUE_URLS = [
    "newsletter:issue",
    "newsletter:issue_pdf",
    "newsletter:edit",
    "newsletter:item_add",
    "newsletter:highlights",
    "newsletter:test_send",
    "newsletter:send",
]

# Guide URLs that take only the country; some want a query string too.
GUIDE_URLS = [
    "guides:detail",
    "guides:pdf",
    "guides:docx",
    "guides:editions",
    "guides:compare",
    "guides:workspace",
    "guides:start",
    "guides:step",
    "guides:text",
    "guides:contents",
    "guides:preview",
    "guides:history",
]
QUERY = {"guides:compare": "?a=1&b=1"}
QUERY["statistics:download"] = "?indicator=walk_indicator&country=SEN&from=2000&to=2024"
QUERY["api:list_observations"] = "?indicator=walk_indicator&country=SEN"
QUERY["imap:map"] = "?layer=guides&country=SEN"
QUERY["imap:embed"] = "?layer=guides&country=SEN"


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
    item = {**quarter, "pk": issue.items.first().pk}  # type: ignore[union-attr]
    level_forum = Forum.objects.create(slug="walk-levels", name="Walk levels")
    level_thread = Thread.objects.create(forum=level_forum, title="Walk", author=appointment.person)
    return {
        **{name: quarter for name in NEWSLETTER_ISSUE_URLS},
        "newsletter:item_edit": item,
        "newsletter:item_delete": item,
        "newsletter:item_move": item,
        "newsletter:mail_preview": {**quarter, "language": "fr", "fmt": "html"},
        "newsletter:confirm": {"token": "made-up-token"},
        "newsletter:unsubscribe": {"token": "made-up-token"},
        **{name: sen for name in GUIDE_URLS},
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
