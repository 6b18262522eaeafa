"""Signals of technical support.

``stage_changed`` is sent once the transaction that moved a request committed, with
``request`` (the SupportRequest), ``event`` (its new StageEvent): mails to the country and
to experts hang on it, so a move that rolled back never mails anybody.
"""

from django.dispatch import Signal

stage_changed = Signal()
