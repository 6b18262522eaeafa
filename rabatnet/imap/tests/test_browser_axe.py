"""axe-core on the i-Map page (JavaScript on): no serious or critical violation.

What axe finds at any impact is printed (``pytest -s`` shows it); only serious and critical
ones fail the test. The engine is vendored (``rabatnet/core/tests/vendor``), run through
``rabatnet.core.tests.axe`` with the page's own Content-Security-Policy in force.
"""

import pytest

from rabatnet.core.tests.axe import SEVERE, axe_violations, describe

from .browser import (  # noqa: F401 - fixtures
    INDICATOR,
    Visit,
    browser_fixture,
    browser_marks,
    map_server_fixture,
    visit_with_javascript_fixture,
)

pytestmark = browser_marks


def test_axe_helper_reports_a_known_violation(visit_with_javascript: Visit) -> None:
    """The helper can fail: an image without text is a critical violation to axe."""
    visit_with_javascript.open("/en/")
    visit_with_javascript.page.evaluate(
        "() => document.querySelector('main').append(document.createElement('img'))"
    )
    found = axe_violations(visit_with_javascript.page, impacts=SEVERE)
    assert "image-alt" in {violation["id"] for violation in found}, describe(found)


@pytest.mark.parametrize(
    "query",
    ["layer=membership", f"layer=indicator&indicator={INDICATOR}&country=SEN"],
    ids=["membership", "indicator"],
)
def test_map_page_has_no_serious_violation(visit_with_javascript: Visit, query: str) -> None:
    visit_with_javascript.open(f"/en/map/?{query}")
    found = axe_violations(visit_with_javascript.page)
    print(f"\naxe-core on /en/map/?{query}:\n{describe(found)}")
    severe = [violation for violation in found if violation["impact"] in SEVERE]
    assert severe == [], describe(severe)
