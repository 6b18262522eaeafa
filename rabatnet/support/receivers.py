"""What technical support adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, welcome pack,
newsletter source, erasure of network people).
"""

from . import expert_receivers  # noqa: F401  (roster: my data, erasure)
