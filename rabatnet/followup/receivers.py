"""What the strategy follow-up adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, welcome pack,
newsletter source, handover and erasure of network people).
"""

from . import (
    cycle_welcome,  # noqa: F401  (welcome pack: open cycles and what is owed)
    initiative_receivers,  # noqa: F401  (newsletter source, my data, erasure)
)
