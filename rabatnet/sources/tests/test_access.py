"""The source mapping: who sees and edits it."""

import pytest

from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f
from rabatnet.sources.models import Source
from rabatnet.sources.tests.helpers import (
    _form_data,
    _get,
    _is_login_redirect,
    _source,
    _status,
    _url,
)

pytestmark = pytest.mark.django_db

# --- Who may do what ----------------------------------------------------------------------


def test_list_triad(client, ansd, senegal):
    _source(senegal, ansd, "Recensement", "trends")
    url = _url("list")
    assert _is_login_redirect(_get(client, None, url))
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.coordinating_authority("SEN"), url) == 200
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.workgroup_member("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_the_authority_reads_without_edit_links(client, ansd, senegal):
    source = _source(senegal, ansd, "Recensement", "trends")
    edit = _url("edit", pk=source.pk)
    page = _get(client, f.coordinating_authority("SEN"), _url("list")).content.decode()
    assert "Recensement" in page and edit not in page and _url("create") not in page
    page = _get(client, f.focal_point("SEN"), _url("list")).content.decode()
    assert edit in page and _url("create") in page


@pytest.mark.parametrize("view", ["create", "edit", "entity_create"])
def test_edit_views_triad(client, ansd, senegal, view):
    source = _source(senegal, ansd, "Recensement", "trends")
    url = _url(view, pk=source.pk) if view == "edit" else _url(view)
    assert _is_login_redirect(_get(client, None, url))
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.coordinating_authority("SEN"), url) == 403
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.workgroup_member("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_posts_are_refused_to_the_wrong_people_and_save_nothing(client, ansd, senegal):
    source = _source(senegal, ansd, "Recensement", "trends")
    create, edit = _url("create"), _url("edit", pk=source.pk)
    entity = _url("entity_create")
    changed = _form_data(ansd, name="Renamed", version=source.version)
    new_entity = {"name": "Direction de la police", "kind": Organisation.Kind.GOVERNMENT}
    for user in [None, f.focal_point("MLI"), f.coordinating_authority("SEN")]:
        expected = 302 if user is None else 403
        assert _status(client, user, create, "post", _form_data(ansd)) == expected
        assert _status(client, user, edit, "post", changed) == expected
        assert _status(client, user, entity, "post", new_entity) == expected
    assert Source.objects.filter(country=senegal).count() == 1
    source.refresh_from_db()
    assert source.name == "Recensement" and source.version == 1
    assert not Organisation.objects.filter(name="Direction de la police").exists()


def test_delete_triad(client, ansd, senegal):
    source = _source(senegal, ansd, "Recensement", "trends")
    url = _url("delete", pk=source.pk)
    assert _is_login_redirect(_get(client, None, url, "post"))
    assert _status(client, f.focal_point("MLI"), url, "post") == 403
    assert _status(client, f.coordinating_authority("SEN"), url, "post") == 403
    assert _status(client, f.focal_point("SEN"), url) == 405  # GET never deletes
    assert Source.objects.filter(pk=source.pk).exists()
    assert _status(client, f.workgroup_member("SEN"), url, "post") == 302
    assert not Source.objects.filter(pk=source.pk).exists()
    for user in [f.focal_point("SEN"), f.secretariat()]:
        again = _source(senegal, ansd, "Recensement", "trends")
        assert _status(client, user, _url("delete", pk=again.pk), "post") == 302
        assert not Source.objects.filter(pk=again.pk).exists()


def test_another_countrys_source_is_not_found_under_senegal(client, ansd):
    mali = Country.objects.get(iso3="MLI")
    insd = f.OrganisationFactory.create(name="INSTAT", country=mali)
    malian = _source(mali, insd, "Recensement du Mali", "trends")
    user = f.focal_point("SEN")
    assert _status(client, user, _url("edit", pk=malian.pk)) == 404
    assert _status(client, user, _url("delete", pk=malian.pk), "post") == 404
    assert Source.objects.filter(pk=malian.pk).exists()
