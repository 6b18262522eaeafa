"""The i-Map in a real browser, with JavaScript off and on: the same things work both ways.

Headless Chromium (Debian's) through Playwright against one server thread on the test
database with the shipped UN DESA migrant stock imported (``browser.py``). Without
JavaScript every link and form loads a new page; with it, htmx swaps the map's state in
place and pushes the address (checked: the document is the same after the click).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .browser import (  # noqa: F401 - fixtures
    INDICATOR,
    Visit,
    browser_fixture,
    browser_marks,
    map_server_fixture,
    visit_fixture,
    visit_without_javascript_fixture,
)

pytestmark = browser_marks

# The map's contract (issue 9): shapes carry data-iso3 and are links; legend swatches carry
# the legend key as a class; the query names layer, indicator, year, country, q.
MAP = "main svg:has([data-iso3])"
LEGEND = ".map-legend"
PANEL = ".map-panel"
CLASSES = tuple(f"{kind}{n}" for kind in "cd" for n in range(5))  # c0..c4, d0..d4
# Too small to tap at this scale: the issue names them; each needs an inset or a marker.
SMALL_STATES = ("CPV", "STP", "MLT", "GMB", "LUX")


def shape_links(visit: Visit, iso3: str):
    """Every link of the map drawn for ``iso3`` (its shape, and a marker if it has one)."""
    return visit.page.locator(f'{MAP} a[data-iso3="{iso3}"], {MAP} a:has([data-iso3="{iso3}"])')


def number(value: int) -> re.Pattern[str]:
    """``value`` as printed in English or French: digit groups with any separator."""
    groups = f"{value:,}".split(",")
    return re.compile(r"[\s,.\u00a0\u202f]?".join(groups))


# The largest part of a country's link (its shape, or its marker) that is on top at its
# own centre: the point a person taps. An archipelago's box centre is the sea.
_TARGET = """(link) => {
    let best = null;
    for (const part of [link, ...link.querySelectorAll('*')]) {
        const box = part.getBoundingClientRect();
        const size = Math.min(box.width, box.height);
        if (!size) continue;
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.closest('a') === link && (!best || size > best.size)) {
            best = {x: x, y: y, size: size};
        }
    }
    return best;
}"""


def tap_target(visit: Visit, iso3: str) -> dict[str, float]:
    """Where to click the country ``iso3`` (``x``, ``y`` in the viewport) and how big it is."""
    link = shape_links(visit, iso3).first
    link.scroll_into_view_if_needed()
    target = link.evaluate(_TARGET)
    assert target, f"{iso3}: no part of its link is on top at its own centre"
    return target


def legend_key(visit: Visit, pattern: str):
    """Legend swatches whose class matches ``pattern`` (a CSS attribute-selector value)."""
    return visit.page.locator(f'{LEGEND} [class~="{pattern}"]')


def query_of(url: str) -> dict[str, str]:
    """The query of ``url``, one value per name."""
    return {name: values[-1] for name, values in parse_qs(urlsplit(url).query).items()}


def wait_for_query(visit: Visit, **expected: str) -> None:
    """Wait until the address has each ``name=value`` (a new page or a pushed state)."""

    def has_all(url: str) -> bool:
        query = query_of(url)
        return all(query.get(name) == value for name, value in expected.items())

    visit.page.wait_for_url(has_all)


def assert_swapped_in_place(visit: Visit) -> None:
    """With JavaScript on the click was an htmx swap (same document); off, a new page."""
    assert visit.same_document() is visit.javascript, (
        "htmx should swap the state in place" if visit.javascript else "a plain link loads"
    )


def assert_panel_of(visit: Visit, iso3: str, name: str) -> None:
    """The country's panel beside the map: its name as heading, a link to its profile."""
    from playwright.sync_api import expect

    panel = visit.page.locator(PANEL).first
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", level=2).first).to_contain_text(name)
    expect(panel.locator(f'a[href$="/countries/{iso3}/profile/"]')).to_have_count(1)


def assert_selected(visit: Visit, iso3: str) -> None:
    """The map highlights the country (class ``selected`` on its shape or around it)."""
    from playwright.sync_api import expect

    selected = visit.page.locator(
        f'{MAP} .selected[data-iso3="{iso3}"], {MAP} .selected [data-iso3="{iso3}"], '
        f'{MAP} [data-iso3="{iso3}"] .selected'
    )
    expect(selected.first).to_be_attached()


def test_map_draws_the_member_countries_as_links(visit: Visit) -> None:
    from playwright.sync_api import expect

    visit.open("/en/map/")
    expect(visit.page.locator(MAP)).to_have_count(1)
    shapes = visit.page.locator(f"{MAP} [data-iso3]")
    assert shapes.count() >= 57, "the dialogue's 57 countries and their neighbours"
    for iso3, name in (("SEN", "Senegal"), ("FRA", "France"), ("MAR", "Morocco")):
        link = shape_links(visit, iso3).first
        expect(link).to_be_visible()
        expect(link).to_have_accessible_name(re.compile(name))
        assert f"country={iso3}" in (link.get_attribute("href") or "")
    # Western Sahara is drawn (its own shape, a dashed border: A's documented setting).
    expect(visit.page.locator(f'{MAP} [data-iso3="ESH"]').first).to_be_attached()


def test_layer_links_switch_the_legend(visit: Visit) -> None:
    from playwright.sync_api import expect

    visit.open("/en/map/")
    expect(legend_key(visit, "m-partner")).to_have_count(1)
    visit.mark_document()

    visit.page.locator(".map-layers a[href*='layer=guides']").click()
    wait_for_query(visit, layer="guides")
    expect(
        visit.page.locator(f'{LEGEND} [class*=" g-"], {LEGEND} [class^="g-"]').first
    ).to_be_visible()
    expect(legend_key(visit, "m-partner")).to_have_count(0)
    assert_swapped_in_place(visit)

    visit.page.locator(".map-layers a[href*='layer=indicator']").click()
    wait_for_query(visit, layer="indicator")
    # The indicator the link chooses may have no data in the test database: classes or
    # "no data", and nothing of the other layers.
    classes = " ".join(f"{LEGEND} .{key}," for key in (*CLASSES, "nodata")).rstrip(",")
    expect(visit.page.locator(classes).first).to_be_visible()
    expect(visit.page.locator(f'{LEGEND} [class*=" g-"], {LEGEND} [class*=" m-"]')).to_have_count(0)
    assert_swapped_in_place(visit)


def test_year_links_show_that_year(visit: Visit) -> None:
    from playwright.sync_api import expect

    stock = visit.expected.stock_by_year
    assert {1990, 2000, 2024} <= set(stock), "the shipped UN DESA years"
    visit.open(f"/en/map/?layer=indicator&indicator={INDICATOR}")
    years = visit.page.locator(".map-years a")
    expect(years).to_have_count(len(stock))
    senegal_row = visit.page.locator("table tr", has=visit.page.get_by_text("Senegal", exact=True))
    expect(senegal_row).to_contain_text(number(stock[2024]))  # the latest year by default
    visit.mark_document()

    years.get_by_text("2000", exact=True).click()
    wait_for_query(visit, layer="indicator", indicator=INDICATOR, year="2000")
    expect(senegal_row).to_contain_text(number(stock[2000]))
    expect(visit.page.locator("#map-title")).to_contain_text("2000")
    expect(visit.page.locator('.map-years [aria-current="page"]')).to_have_text("2000")
    assert_swapped_in_place(visit)


@pytest.mark.parametrize("words", ["Sénégal", "senegal"])
def test_search_selects_the_country_and_shows_its_panel(visit: Visit, words: str) -> None:

    visit.open("/en/map/")
    box = visit.page.locator("input[name=q]")
    box.fill(words)
    box.press("Enter")
    # The search's own address (q=), or the country's it leads to (country=); pushed by htmx.
    visit.page.wait_for_url(
        lambda url: query_of(url).get("q") == words or query_of(url).get("country") == "SEN"
    )
    assert_panel_of(visit, "SEN", "Senegal")
    assert_selected(visit, "SEN")


def test_clicking_a_country_shows_its_panel(visit: Visit) -> None:
    visit.open("/en/map/?layer=membership")
    target = tap_target(visit, "SEN")
    visit.page.mouse.click(target["x"], target["y"])
    wait_for_query(visit, country="SEN")
    assert_panel_of(visit, "SEN", "Senegal")
    assert_selected(visit, "SEN")


def test_shape_links_are_reached_by_keyboard_with_a_name(visit: Visit) -> None:
    visit.open("/en/map/")
    unnamed = visit.page.evaluate(
        """(selector) => [...document.querySelectorAll(selector + ' a')]
            .filter((a) => !(a.getAttribute('aria-label') || a.querySelector('title')
                              || a.textContent).trim())
            .map((a) => a.outerHTML.slice(0, 120))""",
        MAP,
    )
    assert unnamed == [], "every link of the map has an accessible name"
    for _ in range(300):
        visit.page.keyboard.press("Tab")
        focused = visit.page.locator(":focus")
        if focused.count() and focused.evaluate(
            "(el) => !!el.closest('svg')"
            " && (el.matches('[data-iso3]') || !!el.querySelector('[data-iso3]'))"
        ):
            break
    else:
        pytest.fail("300 presses of Tab never reached a country of the map")
    from playwright.sync_api import expect

    expect(focused).to_have_accessible_name(re.compile(r"\w"))


def test_small_states_are_visible_and_clickable(visit: Visit) -> None:
    visit.open("/en/map/")
    for iso3 in SMALL_STATES:
        target = tap_target(visit, iso3)
        assert target["size"] >= 8, f"{iso3}: the largest target is {target['size']:.1f} px"
    target = tap_target(visit, "CPV")
    visit.page.mouse.click(target["x"], target["y"])
    wait_for_query(visit, country="CPV")
    assert_panel_of(visit, "CPV", "Cabo Verde")


def test_the_map_in_french(visit_without_javascript: Visit) -> None:
    from playwright.sync_api import expect

    visit = visit_without_javascript
    visit.open("/fr/map/?country=SEN")
    assert visit.page.locator("html").get_attribute("lang") == "fr"
    expect(shape_links(visit, "SEN").first).to_have_accessible_name(re.compile("Sénégal"))
    expect(shape_links(visit, "CPV").first).to_have_accessible_name(
        re.compile("Cabo Verde|Cap-Vert")
    )
    # Literal, not gettext: a missing French entry must fail here, not pass in English.
    expect(visit.page.locator(LEGEND).get_by_role("heading")).to_have_text("Légende")
    assert_panel_of(visit, "SEN", "Sénégal")
