"""The form fuzz's pages of the support clock (issue 12, D): the dashboard's filter (GET)."""

from rabatnet.support.clock_dashboard import DashboardFilter

from .form_fuzz_support import Post
from .form_fuzz_support import query_form as _query_form


def clock_posts() -> list[Post]:
    return [_query_form(DashboardFilter, "support_clock:dashboard", "secretariat")]
