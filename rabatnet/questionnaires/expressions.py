"""XLSForm conditions and constraints (``relevant``, ``constraint``), checked and evaluated.

CONTRACT (helper C fills in the real parser and evaluator; A's import calls ``check``):

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
"""

from collections.abc import Mapping


class ExpressionError(ValueError):
    """An expression outside the subset, or malformed; the message says what, in words."""


def check(expression: str, names: set[str] | None = None) -> None:
    """Raise ``ExpressionError`` if ``expression`` is malformed, uses what the site does not
    understand, or refers (``${x}``) to a name not in ``names`` (when given)."""
    # Placeholder until helper C's parser lands: accepts everything.
    return None


def evaluate(expression: str, answers: Mapping[str, str], current: str = "") -> bool:
    """The expression's truth for these answers (``current`` is ``.``). An empty expression
    is true (no condition)."""
    # Placeholder until helper C's evaluator lands.
    return True


def references(expression: str) -> set[str]:
    """The question names an expression refers to (``${name}``)."""
    import re

    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}", expression))
