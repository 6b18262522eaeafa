"""create_forums (idempotent), load_demo_forums (example content, marked), the admin."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from rabatnet.countries.models import Country
from rabatnet.forums.models import Forum, Thread
from rabatnet.network.tests import factories as f
from rabatnet.strategy.models import Theme

pytestmark = pytest.mark.django_db


def test_create_forums_is_idempotent():
    call_command("create_forums", stdout=io.StringIO())
    themes = Theme.objects.count()
    countries = Country.objects.taking_part().distinct().count()
    assert Forum.objects.filter(theme__isnull=False).count() == themes >= 3
    assert Forum.objects.filter(country__isnull=False).count() == countries > 0
    assert Forum.objects.filter(slug="sen", country__iso3="SEN").exists()
    assert Forum.objects.filter(slug="border-management").exists()
    renamed = Forum.objects.get(slug="sen")
    renamed.name = "Groupe de travail"
    renamed.save()
    out = io.StringIO()
    call_command("create_forums", stdout=out)
    assert "0 forum(s) created" in out.getvalue()
    assert Forum.objects.get(slug="sen").name == "Groupe de travail"


def test_demo_forums_refused_without_demo_settings():
    with pytest.raises(CommandError):
        call_command("load_demo_forums", stdout=io.StringIO())


@override_settings(DEMO_DATA=True)
def test_demo_forums_marked_as_example(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo_forums", stdout=io.StringIO())
    call_command("load_demo_forums", stdout=io.StringIO())  # again: nothing doubled
    threads = Thread.objects.all()
    assert threads.count() == 3 and all(t.is_example for t in threads)
    thread = threads.get(forum__slug="border-management")
    assert thread.posts.count() == 3
    client.force_login(f.focal_point("MLI"))
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Example content" in page
    assert client.get(reverse("forums:forum", kwargs={"slug": "sen"})).status_code == 403


def test_admin_lists_and_edits_forums(client):
    call_command("create_forums", stdout=io.StringIO())
    client.force_login(f.UserFactory.create(is_superuser=True, is_staff=True))
    assert client.get(reverse("admin:forums_forum_changelist")).status_code == 200
    forum = Forum.objects.get(slug="sen")
    assert client.get(reverse("admin:forums_forum_change", args=[forum.pk])).status_code == 200


def test_forums_are_named_in_each_language(client):
    call_command("create_forums", stdout=io.StringIO())
    theme = Theme.objects.get(slug="border-management")
    senegal = Country.objects.get(iso3="SEN")
    assert theme.title_fr and theme.title_fr != theme.title_en
    client.force_login(f.focal_point("SEN"))
    french = client.get("/fr/private/forums/").content.decode()
    english = client.get("/en/private/forums/").content.decode()
    assert theme.title_fr in french and theme.title_fr not in english
    assert f"Groupe de travail national — {senegal.name_fr}" in french
    assert f"{senegal.name_en} workgroup" in english
