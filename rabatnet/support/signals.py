"""Signals of technical support.

``stage_changed`` is sent once the transaction that moved a request committed, with
``request`` (the SupportRequest), ``event`` (its new StageEvent): mails to the country and
to experts hang on it, so a move that rolled back never mails anybody.

``request_filed`` is sent, the same way, once a new request is stored, with ``request``: the
secretariat is told of it.
"""

from django.dispatch import Signal

stage_changed = Signal()
request_filed = Signal()
