"""Paging of the API's lists: limit and offset, both bounded."""

from ninja import Field, Schema
from ninja.conf import settings
from ninja.pagination import LimitOffsetPagination

# Past any list served here; a 64-bit offset overflows SQLite's and PostgreSQL's integers.
MAX_OFFSET = 2**31 - 1


class BoundedLimitOffset(LimitOffsetPagination):
    """``limit`` and ``offset`` as django-ninja pages them; an offset past the bound is a 422."""

    class Input(Schema):
        limit: int = Field(settings.PAGINATION_PER_PAGE, ge=1)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
