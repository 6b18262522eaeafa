"""What technical support adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, welcome pack,
newsletter source, erasure of network people).
"""

from . import (
    clock_receivers,  # noqa: F401  (the public clock's pages in the public cache)
    expert_receivers,  # noqa: F401  (roster: my data, erasure)
    matching_receivers,  # noqa: F401  (personal data, erasure: proposals)
    newsletter_source,  # noqa: F401  (F: the quarter's support in figures)
    request_notifications,  # noqa: F401  (A: mails on stage changes)
    request_personal_data,  # noqa: F401  (F: my data: requests, ToR, evaluations)
    welcome,  # noqa: F401  (F: welcome pack: the country's open requests)
)
