"""The questionnaires' pages: who reads them (every member), who builds (the secretariat),
and what the list and a questionnaire's page show, in English and in French."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from rabatnet.network.tests import factories as f
from rabatnet.network.tests.lifecycle import half_signed_in_status, status

from ..models import Questionnaire
from .builder_samples import builder_samples
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db

READ = ["questionnaires:list", "questionnaires:detail"]
WRITE_PAGES = [
    "questionnaires:create",
    "questionnaires:edit",
    "questionnaires:question_create",
    "questionnaires:question_edit",
    "questionnaires:choice_list_create",
    "questionnaires:choice_list_edit",
]
POST_ONLY = ["questionnaires:question_delete", "questionnaires:question_move"]


def _urls() -> dict[str, str]:
    samples = builder_samples()
    names = READ + WRITE_PAGES + POST_ONLY
    return {name: reverse(name, kwargs=samples.get(name, {})) for name in names}


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    for name, url in _urls().items():
        method = "post" if name in POST_ONLY else "get"
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/en/accounts/login/?next="), name


def test_a_half_signed_in_session_never_reaches_a_page(client: Client) -> None:
    user = f.secretariat()
    for name, url in _urls().items():
        code, location = half_signed_in_status(client, user, url)
        assert code == 302, name
        assert "/accounts/" in location, name


def test_a_member_reads_and_may_not_build(client: Client) -> None:
    urls = _urls()
    before = Questionnaire.objects.get(form_id="walk_builder").version
    for user in (f.focal_point("SEN"), f.workgroup_member("MLI"), f.coordinating_authority()):
        for name in READ:
            assert status(client, user, urls[name]) == 200, name
        for name in WRITE_PAGES:
            assert status(client, user, urls[name]) == 403, name
            assert status(client, user, urls[name], "post", name="x") == 403, name
        for name in POST_ONLY:
            assert status(client, user, urls[name], "post", direction="up") == 403, name
    assert Questionnaire.objects.get(form_id="walk_builder").version == before


def test_somebody_with_no_appointment_reads_nothing(client: Client) -> None:
    urls = _urls()
    for name in READ:
        assert status(client, f.no_role(), urls[name]) == 403, name


def test_the_secretariat_opens_every_page(client: Client) -> None:
    urls = _urls()
    for name in READ + WRITE_PAGES:
        assert status(client, f.secretariat(), urls[name]) == 200, name
    for name in POST_ONLY:
        assert status(client, f.secretariat(), urls[name]) == 405, name


def test_unknown_and_odd_keys_are_not_found(client: Client) -> None:
    make_questionnaire("known")
    client.force_login(f.secretariat())
    odd = ["nope", "é_accent", "a" * 61, "1abc"]
    for form_id in odd:
        url = f"/en/private/questionnaires/{form_id}/"
        assert client.get(url).status_code == 404, form_id
    other = make_questionnaire("other_one")
    question = other.questions.get(name="staff")
    for pk in (question.pk, 2**31, 10**30):
        url = f"/en/private/questionnaires/known/questions/{pk}/"
        assert client.get(url).status_code == 404, pk
        assert client.post(url + "move/", {"direction": "up"}).status_code == 404, pk
    lists = other.choice_lists.get(name="kinds")
    assert client.get(f"/en/private/questionnaires/known/choices/{lists.pk}/").status_code == 404
    # ?parent= that is no section of this questionnaire: ignored.
    for parent in ("x", "\x00", str(10**30), str(question.pk)):
        response = client.get(
            reverse("questionnaires:question_create", args=["known"]), {"parent": parent}
        )
        assert response.status_code == 200


def test_the_list_shows_each_questionnaire_in_the_readers_language(client: Client) -> None:
    make_questionnaire("demo_sources", is_example=True, is_standard=True)
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("questionnaires:list")).content.decode()
    assert "Information sources (test)" in page
    assert "demo_sources" in page
    assert "Example content" in page
    assert "Standard" in page
    assert "part I — information sources" in page
    assert "New questionnaire" not in page
    # 8 questions take an answer (the section, the repeat and the note do not count).
    row = page[page.index("demo_sources") :]
    assert "<td>8</td>" in row
    with override("fr"):
        url = reverse("questionnaires:list")
    page = client.get(url).content.decode()
    assert "Sources d&#x27;information (test)" in page
    assert "Contenu d’exemple" in page or "Example content" in page


def test_the_secretariat_gets_new_and_import(client: Client) -> None:
    client.force_login(f.secretariat())
    page = client.get(reverse("questionnaires:list")).content.decode()
    assert reverse("questionnaires:create") in page


def test_a_questionnaires_page_shows_the_tree(client: Client) -> None:
    questionnaire = make_questionnaire("tree_one")
    client.force_login(f.focal_point("SEN"))
    response = client.get(reverse("questionnaires:detail", args=[questionnaire.form_id]))
    page = response.content.decode()
    # The repeat's questions are nested inside it, after it.
    assert page.index("data_source") < page.index("source_name") < page.index("thanks")
    assert "${has_sources} = &#x27;yes&#x27;" in page
    assert ". &gt;= 0" in page
    assert "Un nombre de personnes ne peut être négatif." in page
    assert "source: name" in page
    assert "Registre administratif" in page
    assert "administrative_register" in page
    assert "open for answers" in page
    assert "Edit" not in page.split("<h2>")[1]  # a member has no builder links
    nodes = response.context["nodes"]
    names = [n.question.name for n in nodes]
    assert names == [
        "respondent_unit",
        "has_sources",
        "about",
        "last_census",
        "data_source",
        "thanks",
    ]
    repeat = nodes[4]
    assert [c.question.name for c in repeat.children] == ["source_name", "source_kind", "areas"]


def test_the_private_home_links_the_questionnaires(client: Client) -> None:
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("network:private_home")).content.decode()
    assert reverse("questionnaires:list") in page


def test_pages_are_never_cached(client: Client) -> None:
    client.force_login(f.focal_point("SEN"))
    response = client.get(reverse("questionnaires:list"))
    assert "no-store" in response["Cache-Control"]
