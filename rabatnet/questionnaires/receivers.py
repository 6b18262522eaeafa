"""What the guide's making adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, erasure, welcome pack).
"""

from . import answer_receivers  # noqa: F401  (C: respondents' personal data, erasure)
