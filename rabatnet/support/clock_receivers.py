"""The public clock's pages, CSV and API answer, kept in the public page cache per SUPPORT
revision and per day (requests still open are counted past a target as of today)."""

from rabatnet.core.public_cache import PUBLIC_PAGES, PublicPage
from rabatnet.core.revisions import SUPPORT

PUBLIC_PAGES.update(
    {
        name: PublicPage((SUPPORT,), daily=True)
        for name in ("support_clock:public", "support_clock:csv", "api:support_statistics")
    }
)
