"""Sample arguments for the URL walk (core/tests/test_url_walk.py): a cycle with Senegal's
entries submitted, one of them in the verification queue."""

from rabatnet.network.tests import factories as f

from .cycle_fixtures import make_cycle, report


def cycle_samples() -> dict[str, dict[str, object]]:
    cycle = make_cycle("walk-round")
    entry = report(cycle, "SEN", f.focal_point("SEN"))[0]
    slug: dict[str, object] = {"slug": cycle.slug}
    country = {**slug, "iso3": "SEN"}
    return {
        **{f"cycles:{name}": slug for name in ("detail", "edit", "close", "queue")},
        "cycles:verify": {**slug, "pk": entry.pk},
        "cycles:return": {**slug, "pk": entry.pk},
        **{f"cycles:{name}": country for name in ("country", "submit", "history")},
        "cycles:assessment": {**country, "number": 1},
    }
