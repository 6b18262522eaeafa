"""The parser of XLSForm expressions (see ``expressions``): tokens, then a small tree
by recursive descent; it refuses anything outside the subset, saying what and where."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _


class ExpressionError(ValueError):
    """An expression outside the subset, or malformed; the message says what, in words."""


MAX_LENGTH = 2000
MAX_DEPTH = 40
NAME = r"[A-Za-z_][A-Za-z0-9_.\-]*"
TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<ref>\$\{(?P<refname>[^}]*)\})
    |(?P<number>\d+(?:\.\d*)?|\.\d+)
    |(?P<string>'[^']*'|"[^"]*")
    |(?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,|\.)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)""",
    re.VERBOSE,
)
# Function name → (fewest, most) arguments.
FUNCTIONS = {
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "regex": (2, 2),
    "today": (0, 0),
    "date": (1, 1),
}
KEYWORDS = {"and", "or", "div", "mod"}
COMPARISONS = {"=", "!=", "<", "<=", ">", ">="}


@dataclass(frozen=True)
class Token:
    kind: str  # ref, number, string, op, word, end
    text: str
    position: int  # 1-based, in characters


@dataclass(frozen=True)
class Node:
    kind: str  # number, string, ref, current, call, binary, negate
    text: str = ""
    children: tuple["Node", ...] = ()
    position: int = 1


def _fail(message: str, position: int) -> ExpressionError:
    return ExpressionError(
        _("%(problem)s (at character %(position)s).")
        % {"problem": capfirst(message), "position": position}
    )


def tokenize(expression: str) -> list[Token]:
    tokens: list[Token] = []
    at = 0
    while at < len(expression):
        match = TOKEN.match(expression, at)
        if match is None:
            raise _fail(
                _("The character “%(char)s” is not understood") % {"char": expression[at]},
                at + 1,
            )
        kind = match.lastgroup or ""
        if kind == "refname":
            kind = "ref"
        if kind != "space":
            text = match.group("refname") if kind == "ref" else match.group(0)
            if kind == "ref" and not re.fullmatch(NAME, text or ""):
                raise _fail(_("“${%(name)s}” is not a question name") % {"name": text}, at + 1)
            tokens.append(Token(kind, text, at + 1))
        at = match.end()
    tokens.append(Token("end", "", len(expression) + 1))
    return tokens


class _Parser:
    def __init__(self, expression: str) -> None:
        self.tokens = tokenize(expression)
        self.at = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.at]

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expect(self, text: str) -> Token:
        if self.token.text != text or self.token.kind not in ("op",):
            raise _fail(
                _("“%(expected)s” was expected, not %(found)s")
                % {"expected": text, "found": self._shown(self.token)},
                self.token.position,
            )
        return self.take()

    @staticmethod
    def _shown(token: Token) -> str:
        if token.kind == "end":
            return _("the end of the expression")
        return f"“{token.text}”"

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise _fail(_("The expression is empty"), 1)
        node = self.binary(0)
        if self.token.kind != "end":
            raise _fail(
                _("%(found)s is not expected here") % {"found": self._shown(self.token)},
                self.token.position,
            )
        return node

    LEVELS: tuple[frozenset[str], ...] = (
        frozenset({"or"}),
        frozenset({"and"}),
        frozenset({"=", "!="}),
        frozenset({"<", "<=", ">", ">="}),
        frozenset({"+", "-"}),
        frozenset({"*", "div", "mod"}),
    )

    def binary(self, level: int) -> Node:
        if level == len(self.LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while self.token.kind in ("op", "word") and self.token.text in self.LEVELS[level]:
            operator = self.take()
            right = self.binary(level + 1)
            node = Node("binary", operator.text, (node, right), operator.position)
        return node

    def unary(self) -> Node:
        if self.token.kind == "op" and self.token.text == "-":
            operator = self.take()
            return Node("negate", "-", (self.nested(unary=True),), operator.position)
        return self.primary()

    def primary(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.take()
            return Node("number", token.text, position=token.position)
        if token.kind == "string":
            self.take()
            return Node("string", token.text[1:-1], position=token.position)
        if token.kind == "ref":
            self.take()
            return Node("ref", token.text, position=token.position)
        if token.kind == "op" and token.text == ".":
            self.take()
            return Node("current", ".", position=token.position)
        if token.kind == "op" and token.text == "(":
            self.take()
            node = self.nested()
            self.expect(")")
            return node
        if token.kind == "word" and token.text not in KEYWORDS:
            return self.call()
        raise _fail(
            _("%(found)s is not expected here") % {"found": self._shown(token)},
            token.position,
        )

    def nested(self, unary: bool = False) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(_("The expression is nested too deeply"), self.token.position)
        node = self.unary() if unary else self.binary(0)
        self.depth -= 1
        return node

    def call(self) -> Node:
        name = self.take()
        if name.text not in FUNCTIONS:
            raise _fail(
                _("The function “%(name)s” is not one the site understands (%(known)s)")
                % {"name": name.text, "known": ", ".join(sorted(FUNCTIONS))},
                name.position,
            )
        self.expect("(")
        arguments: list[Node] = []
        if not (self.token.kind == "op" and self.token.text == ")"):
            arguments.append(self.nested())
            while self.token.kind == "op" and self.token.text == ",":
                self.take()
                arguments.append(self.nested())
        self.expect(")")
        fewest, most = FUNCTIONS[name.text]
        if not fewest <= len(arguments) <= most:
            raise _fail(
                _("%(name)s() takes %(count)s argument(s), not %(given)s")
                % {"name": name.text, "count": fewest, "given": len(arguments)},
                name.position,
            )
        node = Node("call", name.text, tuple(arguments), name.position)
        _check_literals(node)
        return node


def _check_literals(node: Node) -> None:
    """A date() or regex() given a literal: the literal must be a date / a pattern."""
    if not node.children or node.children[-1].kind != "string":
        return
    literal = node.children[-1]
    if node.text == "date" and _as_date(literal.text) is None:
        raise _fail(
            _("“%(value)s” is not a date written YYYY-MM-DD") % {"value": literal.text},
            literal.position,
        )
    if node.text == "regex":
        try:
            re.compile(literal.text)
        except (re.error, RecursionError, OverflowError):
            raise _fail(
                _("“%(value)s” is not a valid pattern") % {"value": literal.text},
                literal.position,
            ) from None


def _as_date(text: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _walk(node: Node) -> list[Node]:
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found


def parse(expression: str) -> Node:
    """The expression's tree; ``ExpressionError`` if it is outside the subset."""
    if not isinstance(expression, str):
        raise ExpressionError(_("An expression is text."))
    if len(expression) > MAX_LENGTH:
        raise ExpressionError(
            _("The expression is longer than %(count)s characters.") % {"count": MAX_LENGTH}
        )
    return _Parser(expression).parse()
