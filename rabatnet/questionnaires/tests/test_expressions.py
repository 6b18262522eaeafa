"""The XLSForm expression subset: what it accepts, what it refuses (in words, with the
position), how it evaluates (ODK semantics), and properties over arbitrary text."""

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rabatnet.questionnaires.expressions import ExpressionError, check, evaluate, references

ANSWERS = {
    "has_sources": "yes",
    "staff": "5",
    "budget": "1250.5",
    "areas": "trends border",
    "census": "2020-05-01",
    "name": "Direction générale",
}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("${has_sources} = 'yes'", True),
        ('${has_sources} = "no"', False),
        ("${has_sources} != 'no'", True),
        ("${staff} > 3 and ${staff} < 10", True),
        ("${staff} >= 5 and ${staff} <= 5", True),
        ("${staff} = 5.0", True),  # numeric when both sides are numbers
        ("${staff} = '5'", True),
        ("${budget} > 1000", True),
        ("${staff} > 10 or ${has_sources} = 'yes'", True),
        ("not(${has_sources} = 'yes')", False),
        ("selected(${areas}, 'border')", True),
        ("selected(${areas}, 'bord')", False),
        ("count-selected(${areas}) = 2", True),
        ("count-selected(${missing}) = 0", True),
        ("string-length(${name}) = 18", True),
        ("regex(${staff}, '^[0-9]+$')", True),
        ("regex(${name}, '^[0-9]+$')", False),
        ("${census} < today()", True),
        ("${census} > date('2021-01-01')", False),
        ("${census} >= date('2020-05-01')", True),
        ("${staff} div 2 = 2.5", True),
        ("${staff} mod 2 = 1", True),
        ("(1 + 2) * 3 = 9", True),
        ("-${staff} < 0", True),
        ("10 - 2 - 3 = 5", True),  # left to right
        ("1 + 2 * 3 = 7", True),  # precedence
        ("${staff} div 0 = 1", False),  # NaN, as ODK
        ("${missing} = ''", True),  # a missing answer is the empty string
        ("${missing} > 3", False),
        ("${missing} < 3", False),
        ("${missing}", False),
        ("${has_sources}", True),
        ("", True),
        ("   ", True),
    ],
)
def test_evaluates_as_odk(expression, expected):
    assert evaluate(expression, ANSWERS) is expected


def test_dot_is_the_answer_itself():
    assert evaluate(". >= 0", {}, current="3")
    assert not evaluate(". >= 0", {}, current="-1")
    assert evaluate(". <= today()", {}, current=date(2000, 1, 1).isoformat())
    assert evaluate("string-length(.) <= 3", {}, current="abc")
    assert evaluate(".5 < 1", {})


@pytest.mark.parametrize(
    ("expression", "words", "position"),
    [
        ("${x", "“$” is not understood", 1),
        ("foo(1)", "function “foo”", 1),
        ("1 +", "end of the expression", 4),
        ("${a} == 1", "“=” is not expected", 7),
        ("selected(${a})", "takes 2 argument", 1),
        ("today(1)", "takes 0 argument", 1),
        ("date('2020-13-01')", "not a date", 6),
        ("regex(., '(')", "not a valid pattern", 10),
        ("1 2", "“2” is not expected", 3),
        ("'abc", "“'” is not understood", 1),
        ("and", "“and” is not expected", 1),
        ("(1 = 1", "“)” was expected", 7),
        ("${bad name}", "not a question name", 1),
        ("position(..)", "function “position”", 1),
        ("${a} = 1 ; drop", "“;” is not understood", 10),
        ("((((((((((" * 6 + "1" + ")" * 60, "nested too deeply", None),
        ("-" * 500 + "1", "nested too deeply", None),
        ("", "empty", 1),
    ],
)
def test_check_names_the_problem_and_where(expression, words, position):
    with pytest.raises(ExpressionError) as raised:
        check(expression)
    message = str(raised.value)
    assert words in message
    if position is not None:
        assert f"at character {position})" in message


def test_check_refuses_unknown_names_when_told_them():
    check("${a} = 1 and selected(${b}, 'x')", {"a", "b"})
    with pytest.raises(ExpressionError, match="“\\$\\{c\\}” names no question"):
        check("${a} = ${c}", {"a", "b"})


def test_check_refuses_what_is_too_long_and_evaluate_refuses_as_check():
    with pytest.raises(ExpressionError):
        check("1 = 1 and " * 300 + "1")
    with pytest.raises(ExpressionError):
        evaluate("foo()", {})


def test_references():
    assert references("${a} = 1 and selected(${b.c}, 'x') or ${a} > 2") == {"a", "b.c"}
    assert references("") == set()


def test_french_messages():
    from django.utils import translation

    with translation.override("fr"), pytest.raises(ExpressionError):
        check("foo(1)")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_check_raises_only_expression_errors_on_any_text(text):
    with contextlib.suppress(ExpressionError):
        check(text, {"a", "b"})


ATOMS = st.sampled_from(
    ["${a}", "${b}", ".", "1", "2.5", "'yes'", "''", "today()", "date('2020-01-01')"]
)
OPS = st.sampled_from(["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod", "and", "or"])


@st.composite
def expressions(draw):
    parts = [draw(ATOMS)]
    for _ in range(draw(st.integers(0, 4))):
        parts += [draw(OPS), draw(ATOMS)]
    text = " ".join(parts)
    return draw(st.sampled_from([text, f"not({text})", f"({text})"]))


@settings(max_examples=200, deadline=None)
@given(expressions(), st.text(max_size=10), st.text(max_size=10), st.text(max_size=10))
def test_well_formed_expressions_check_and_evaluate_deterministically(expression, a, b, dot):
    check(expression, {"a", "b"})
    answers = {"a": a, "b": b}
    first = evaluate(expression, answers, dot)
    assert isinstance(first, bool)
    assert evaluate(expression, answers, dot) is first


@pytest.mark.parametrize("operator", ["+", "-", "*", "div", "mod"])
def test_a_number_too_big_for_a_float_is_no_error(operator):
    """A text answer of 400 digits reads as infinity: ``mod`` of it is NaN (it raised)."""
    answers = {"big": "9" * 400, "small": "2"}
    for expression in (f"${{big}} {operator} 2 = 0", f"${{small}} {operator} ${{big}} > 0"):
        assert evaluate(expression, answers) in (True, False)
    assert evaluate(". mod 2 = 0", {}, current="9" * 400) is False
