"""Signals of the network, for apps that depend on it (guides hears of withdrawn consent)."""

from django.dispatch import Signal

# Sent with ``person`` and ``at`` when a person withdraws consent to appear in published
# guides, inside the withdrawal's transaction.
guide_consent_withdrawn = Signal()
