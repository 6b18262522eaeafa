"""axe-core run inside a Playwright page: the accessibility violations it finds.

The engine is the vendored ``vendor/axe.min.js`` (see ``vendor/PROVENANCE.md``), evaluated
through the DevTools protocol: the page's Content-Security-Policy does not govern that, so
the page is checked with its real policy on and nothing is added to what it serves.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
SEVERE = ("serious", "critical")
# What the page hands back per violation: enough to name it and find its elements.
_RUN = """async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
            target: node.target.join(" "),
            html: node.html.slice(0, 200),
            summary: node.failureSummary || "",
        })),
    }));
}"""


def axe_violations(page: "Page", *, impacts: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Every violation axe-core finds in the page as it is now (only ``impacts`` if given).

    Each is a dict: ``id``, ``impact``, ``help``, ``helpUrl`` and ``nodes`` (``target``,
    ``html``, ``summary``). The page must allow JavaScript (a context with it disabled runs
    no script, axe's included).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(f"() => {{ {AXE_SCRIPT.read_text(encoding='utf-8')}\n }}")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            raise RuntimeError(f"axe-core did not load from {AXE_SCRIPT}")
    options = {"resultTypes": ["violations"]}
    violations: list[dict[str, Any]] = page.evaluate(_RUN, options)
    if impacts is None:
        return violations
    return [violation for violation in violations if violation["impact"] in impacts]


def describe(violations: list[dict[str, Any]], *, nodes: int = 5) -> str:
    """The violations as lines a person reads in a test failure or a printout."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['impact']}: {violation['id']} — {violation['help']} "
            f"({len(violation['nodes'])} element(s); {violation['helpUrl']})"
        )
        for node in violation["nodes"][:nodes]:
            lines.append(f"    {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines) if lines else "no violation"
