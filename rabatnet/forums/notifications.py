"""Who hears of a post, and when (helper D writes this module; C calls the two hooks).

Placeholders until D's work lands: the names and signatures are the contract.
"""

from rabatnet.network.models import Person

from .models import Post


def notify_post(*, post: Post) -> None:
    """Called by the forums' services inside the transaction that makes ``post`` visible
    (published on creation, or approved). Queues its notifications on commit, at most once
    (``Post.notified_at``). Never called for a pending, rejected or hidden post."""


def record_visit(*, person: Person) -> None:
    """Called by every forum page a member opens: today's visit, which spares them the
    day's digest."""
