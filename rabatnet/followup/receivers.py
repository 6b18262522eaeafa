"""What the strategy follow-up adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, welcome pack,
newsletter source, handover and erasure of network people).
"""

from . import initiative_receivers  # noqa: F401  (newsletter source, my data, erasure)
