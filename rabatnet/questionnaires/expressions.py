"""XLSForm conditions and constraints (``relevant``, ``constraint``), checked and evaluated.

The subset of the XLSForm/XPath expression language the site understands — an imported
form using anything else is refused, naming the sheet, row, column and the expression:

- references ``${name}`` to another question; ``.`` for the answer itself (constraints);
- string literals in single or double quotes, numbers;
- comparisons ``=``, ``!=``, ``<``, ``<=``, ``>``, ``>=``; ``and``, ``or``, ``not(...)``,
  parentheses; arithmetic ``+ - * div mod``;
- functions ``selected(${q}, 'code')``, ``count-selected(${q})``, ``string-length(x)``,
  ``regex(x, 'pattern')``, ``today()``, ``date('2020-01-01')``.

``evaluate`` takes the answers as stored (strings: codes, space-separated codes for select
several, ISO dates) keyed by question name; a missing answer is the empty string, as in ODK.
A tokenizer and a recursive-descent parser make a small tree; nothing is ever ``eval``-ed.
Comparisons are numeric when both sides are numbers (or answers that read as numbers),
otherwise between the texts (ISO dates compare rightly as texts); an empty side makes an
ordering comparison false, as ODK's NaN does.
"""

import math
import re
from collections.abc import Mapping
from typing import TypeVar

from django.utils import timezone
from django.utils.translation import gettext as _

from .expression_parser import (
    COMPARISONS,
    ExpressionError,
    Node,
    _as_date,
    _fail,
    _walk,
    parse,
)

__all__ = ["ExpressionError", "check", "evaluate", "references"]

Value = str | float | bool
Ordered = TypeVar("Ordered", float, str)


def check(expression: str, names: set[str] | None = None) -> None:
    """Raise ``ExpressionError`` if ``expression`` is malformed, uses what the site does not
    understand, or refers (``${x}``) to a name not in ``names`` (when given)."""
    tree = parse(expression)
    if names is None:
        return
    for node in _walk(tree):
        if node.kind == "ref" and node.text not in names:
            raise _fail(
                _("“${%(name)s}” names no question of this questionnaire") % {"name": node.text},
                node.position,
            )


# --- Evaluation ----------------------------------------------------------------------------


def _number(value: Value) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    text = value.strip()
    if re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
        return float(text)
    return math.nan


def _is_number(value: Value) -> bool:
    return not isinstance(value, bool) and not math.isnan(_number(value))


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return value


def _truth(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not math.isnan(value) and value != 0
    return value != ""


def _compare(operator: str, left: Value, right: Value) -> bool:
    if operator in ("=", "!="):
        if isinstance(left, bool) or isinstance(right, bool):
            equal = _truth(left) == _truth(right)
        elif _is_number(left) and _is_number(right):
            equal = _number(left) == _number(right)
        else:
            equal = _text(left) == _text(right)
        return equal if operator == "=" else not equal
    if _is_number(left) and _is_number(right):
        return _order(operator, _number(left), _number(right))
    if isinstance(left, str) and isinstance(right, str) and left and right:
        return _order(operator, left, right)
    return False


def _order(operator: str, a: Ordered, b: Ordered) -> bool:
    """``a`` and ``b`` are both numbers or both texts."""
    if a == b:
        return operator in ("<=", ">=")
    less = a < b
    return less if operator in ("<", "<=") else not less


def _arithmetic(operator: str, left: Value, right: Value) -> float:
    a, b = _number(left), _number(right)
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if b == 0 or math.isinf(a):  # ODK: x div 0, x mod 0 and infinity mod x are NaN
        return math.nan
    if operator == "div":
        return a / b
    return math.fmod(a, b)


class _Evaluator:
    def __init__(self, answers: Mapping[str, str], current: str) -> None:
        self.answers = answers
        self.current = current

    def value(self, node: Node) -> Value:
        if node.kind == "number":
            return float(node.text)
        if node.kind == "string":
            return node.text
        if node.kind == "ref":
            return str(self.answers.get(node.text, "") or "")
        if node.kind == "current":
            return self.current
        if node.kind == "negate":
            return -_number(self.value(node.children[0]))
        if node.kind == "call":
            return self.call(node)
        operator, (left_node, right_node) = node.text, node.children
        if operator == "and":
            return _truth(self.value(left_node)) and _truth(self.value(right_node))
        if operator == "or":
            return _truth(self.value(left_node)) or _truth(self.value(right_node))
        left, right = self.value(left_node), self.value(right_node)
        if operator in COMPARISONS:
            return _compare(operator, left, right)
        return _arithmetic(operator, left, right)

    def call(self, node: Node) -> Value:
        values = [self.value(child) for child in node.children]
        name = node.text
        if name == "not":
            return not _truth(values[0])
        if name == "selected":
            return _text(values[1]).strip() in _text(values[0]).split()
        if name == "count-selected":
            return float(len(_text(values[0]).split()))
        if name == "string-length":
            return float(len(_text(values[0])))
        if name == "regex":
            try:
                return re.search(_text(values[1]), _text(values[0])) is not None
            except (re.error, RecursionError, OverflowError):
                return False
        if name == "today":
            return timezone.localdate().isoformat()
        day = _as_date(_text(values[0]))
        return day.isoformat() if day else ""


def evaluate(expression: str, answers: Mapping[str, str], current: str = "") -> bool:
    """The expression's truth for these answers (``current`` is ``.``). An empty expression
    is true (no condition)."""
    if not expression or not expression.strip():
        return True
    return _truth(_Evaluator(answers, current).value(parse(expression)))


def references(expression: str) -> set[str]:
    """The question names an expression refers to (``${name}``)."""
    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}", expression or ""))
