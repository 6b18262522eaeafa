"""save_versioned: the optimistic-locking save shared by every edit form."""

import pytest
from django import forms

from rabatnet.core.forms import VersionedModelForm
from rabatnet.core.services import StaleEditError, save_versioned
from rabatnet.network.models import Person
from rabatnet.network.tests.factories import PersonFactory


def _stored(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


@pytest.mark.django_db
def test_the_right_version_saves_the_fields_and_bumps_the_version():
    person = PersonFactory.create(job_title="Officer")
    before = _stored(person).updated_at
    person.job_title = "Director of migration statistics"

    saved = save_versioned(obj=person, expected_version=1, fields=["job_title"])

    assert saved.version == 2
    stored = _stored(person)
    assert stored.version == 2
    assert stored.job_title == "Director of migration statistics"
    assert stored.updated_at > before


@pytest.mark.django_db
def test_only_the_named_fields_are_written():
    person = PersonFactory.create(job_title="Officer", phone="+221 1")
    person.job_title = "Director"
    person.phone = "+221 2"

    save_versioned(obj=person, expected_version=1, fields=["job_title"])

    stored = _stored(person)
    assert (stored.job_title, stored.phone) == ("Director", "+221 1")


@pytest.mark.django_db
def test_successive_saves_each_bump_the_version():
    person = PersonFactory.create()

    for expected in (1, 2, 3):
        person.job_title = f"Post {expected}"
        save_versioned(obj=person, expected_version=expected, fields=["job_title"])

    assert _stored(person).version == 4


@pytest.mark.django_db
def test_a_stale_version_is_refused_naming_the_changed_fields_and_writes_nothing():
    person = PersonFactory.create(full_name="Awa Ndiaye", job_title="Officer", phone="+221 1")
    mine, theirs = _stored(person), _stored(person)
    theirs.full_name = "Awa Ndiaye Diop"
    save_versioned(obj=theirs, expected_version=1, fields=["full_name"])
    mine.job_title = "Director"

    with pytest.raises(StaleEditError) as error:
        save_versioned(obj=mine, expected_version=1, fields=["full_name", "job_title", "phone"])

    # Only what the other person changed (read from the audit trail at version 1):
    # not this person's own edit of job_title, not the untouched phone.
    assert error.value.changed_fields == ["full_name"]
    assert error.value.current.version == 2
    assert isinstance(error.value.current, Person)
    assert error.value.current.full_name == "Awa Ndiaye Diop"
    assert "changed by someone else" in str(error.value)
    stored = _stored(person)
    assert (stored.full_name, stored.job_title, stored.version) == ("Awa Ndiaye Diop", "Officer", 2)
    assert mine.version == 1


@pytest.mark.django_db
def test_a_stale_save_goes_through_once_the_new_version_is_given():
    person = PersonFactory.create()
    mine, theirs = _stored(person), _stored(person)
    theirs.phone = "+221 33 000 00 00"
    save_versioned(obj=theirs, expected_version=1, fields=["phone"])
    mine.job_title = "Director"
    with pytest.raises(StaleEditError):
        save_versioned(obj=mine, expected_version=1, fields=["job_title"])

    save_versioned(obj=mine, expected_version=2, fields=["job_title"])

    stored = _stored(person)
    assert (stored.job_title, stored.phone, stored.version) == ("Director", "+221 33 000 00 00", 3)


@pytest.mark.django_db
def test_a_version_from_the_future_is_refused_too():
    person = PersonFactory.create(job_title="Officer")
    person.job_title = "Director"

    with pytest.raises(StaleEditError):
        save_versioned(obj=person, expected_version=5, fields=["job_title"])

    assert _stored(person).job_title == "Officer"


class _PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "job_title"]


@pytest.mark.django_db
def test_versioned_form_carries_the_version_it_was_read_at():
    person = PersonFactory.create()

    form = _PersonForm(instance=person)

    assert form.fields["version"].initial == 1
    assert isinstance(form.fields["version"].widget, forms.HiddenInput)
    assert "version" not in _PersonForm().fields


@pytest.mark.django_db
def test_versioned_form_refusing_a_stale_save_keeps_the_input_and_lists_the_changes():
    person = PersonFactory.create(full_name="Awa Ndiaye", job_title="Officer")
    theirs = _stored(person)
    theirs.full_name = "Awa Ndiaye Diop"
    save_versioned(obj=theirs, expected_version=1, fields=["full_name"])
    data = {"full_name": "Awa Ndiaye", "job_title": "Director", "version": "1"}
    form = _PersonForm(data, instance=_stored(person))
    assert form.is_valid()

    with pytest.raises(StaleEditError) as error:
        save_versioned(obj=form.instance, expected_version=1, fields=["full_name", "job_title"])
    form.refuse_stale(error.value)

    assert form.data["version"] == "2"
    assert form.data["job_title"] == "Director"
    assert ("Full name", "Awa Ndiaye Diop") in form.stale_changes
    assert "Someone else saved this record" in form.non_field_errors()[0]
