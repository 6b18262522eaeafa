"""The forms of the site, found by importing every module of the project, and the values
the fuzz tests post to them."""

import importlib
import pkgutil

from django import forms
from hypothesis import strategies as st

import rabatnet

# Ids no table holds: past 64 bits, negative, not a number at all.
ODD_IDS = st.sampled_from(
    [
        "99999999999999999999",
        "-99999999999999999999",
        "9223372036854775808",
        "2147483648",
        "-1",
        "0",
        "1e3",
        "1.5",
        "abc",
        " 7 ",
        "٣",
        "0x10",
        "",
    ]
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True).map(str),
)
DATES = st.one_of(
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "99999999-01-01", "-1-01-01"]
    ),
    st.dates().map(str),
)
# Any character a browser can send (a lone surrogate cannot be encoded in a request).
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.one_of(
    st.text(CHARACTERS, max_size=40),
    st.text(st.sampled_from("\x00\x0b\x0c\x1b\x7f\x85\u200f\u202e\r\n\t"), max_size=10),
    st.integers(min_value=300, max_value=12_000).map(lambda n: "x" * n),
)
ANY_VALUE = st.one_of(ODD_IDS, NUMBERS, DATES, TEXT)


def values_for(names: list[str]) -> st.SearchStrategy[dict[str, object]]:
    """A posted body with an odd value, or two, under each name."""
    one = ANY_VALUE
    return st.fixed_dictionaries({n: st.one_of(one, st.lists(one, max_size=2)) for n in names})


def project_form_classes() -> set[type[forms.BaseForm]]:
    """Every form class the project defines (tests and migrations aside)."""
    for module in pkgutil.walk_packages(rabatnet.__path__, "rabatnet."):
        if ".tests" in module.name or ".migrations" in module.name or "conftest" in module.name:
            continue
        importlib.import_module(module.name)
    found: set[type[forms.BaseForm]] = set()
    stack: list[type[forms.BaseForm]] = [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("rabatnet.") and ".tests" not in sub.__module__:
                found.add(sub)
    return found
