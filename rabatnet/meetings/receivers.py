"""What meetings adds to other apps' registries and signals, connected in ``ready``.

One import line per module that registers something (personal data, welcome pack,
preference centre, newsletter source, handover and erasure of network people).
"""

from . import (
    newsletter_source,  # noqa: F401  (the newsletter's "meetings" source)
    registration_receivers,  # noqa: F401  (registration and calendars)
)
