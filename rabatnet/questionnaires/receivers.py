"""What the guide's making adds to other apps' registries and signals, in ``ready``.

One import line per module that registers something (personal data, erasure, welcome pack).
"""

from . import (
    answer_receivers,  # noqa: F401  (C: respondents' personal data, erasure)
    interest_receivers,  # noqa: F401  (G: my data, erasure: stakeholders)
    trace_receivers,  # noqa: F401  (D: the records' traces in the guide workspace)
    workshop_receivers,  # noqa: F401  (E: personal data, erasure)
)
