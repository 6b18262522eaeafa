"""Signals of the network, for apps that depend on it (guides hears of withdrawn consent)."""

from django.dispatch import Signal

# Sent with ``person`` and ``at`` when a person withdraws consent to appear in published
# guides, inside the withdrawal's transaction.
guide_consent_withdrawn = Signal()

# Sent with ``handover`` (a network.Handover, its two appointments loaded) inside the
# handover's transaction: receivers copy what the predecessor held to the successor and
# return a short summary ({"forums": 3, ...}) kept in ``handover.moved``.
person_handed_over = Signal()

# Sent with ``person`` (not yet anonymised) inside the erasure's transaction: receivers
# remove the person's name and contacts from what their app holds and return a summary.
person_erasing = Signal()
