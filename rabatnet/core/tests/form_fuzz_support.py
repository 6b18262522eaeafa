"""What the form fuzz drives: the pages that take a form, and the world they post into."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.guides.models import Edition, Guide
from rabatnet.network.models import Appointment, Organisation, Person
from rabatnet.sources.models import Source


@dataclass
class World:
    guide: Guide
    edition: Edition
    source: Source
    person: Person
    organisation: Organisation
    appointment: Appointment
    users: dict[str, User]


@dataclass(frozen=True)
class Post:
    """A page that takes a form: its address, who may post it, the names it reads."""

    form: type[forms.BaseForm]
    url: Callable[[World], str]
    user: str
    names: Callable[[World], list[str]]
    method: str = "post"
    fixed: dict[str, str] = field(default_factory=dict)
    label: str = ""


def names(form: forms.BaseForm) -> list[str]:
    return [form.add_prefix(name) for name in form.fields]


def query_form(form: type[forms.Form], url: str, user: str) -> Post:
    return Post(form, lambda w: reverse(url), user, lambda w: names(form()), method="get")


def url_of(name: str) -> Callable[[World], str]:
    return lambda w: reverse(name)


def sen_url(name: str, **kwargs: object) -> Callable[[World], str]:
    return lambda w: reverse(name, kwargs={"iso3": "SEN", **kwargs})
