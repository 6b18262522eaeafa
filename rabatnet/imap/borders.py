"""Which state a territory is drawn with, and which boundaries are disputed (one setting).

``IMAP_DISPUTED_BOUNDARIES`` = "un" (the default) draws them as United Nations maps do;
"natural-earth" draws Natural Earth's de facto lines, solid. See decision 0024.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MODES = ("un", "natural-earth")

# Natural Earth features without an ISO code, drawn with (and linked as) their state.
FEATURES_OF_STATES = {"N. Cyprus": "CYP", "Somaliland": "SOM"}

# Under "un": a polygon of ``holder`` containing (lon, lat) belongs to another state.
UN_REASSIGNED = {("RUS", 34.1, 45.0): "UKR"}  # Crimea

# Under "un": the part of the first state inside the (longitude, latitude) box goes to the
# second, and the box's northern edge is drawn dashed between them. Natural Earth gives Morocco
# the land west of the Berm; United Nations maps show Western Sahara whole, from 27°40' N (here
# the latitude of Natural Earth's Algeria–Morocco–Western Sahara tripoint, 27.657° N).
# The box reaches east past the tripoint, so that Western Sahara's border with Algeria stays in it.
UN_CUTS = {("MAR", "ESH"): (-20.0, 15.0, -7.0, 27.656898076793283)}

# Under "un": the boundary between these two (the arcs they share) is drawn dashed.
DISPUTED_PAIRS = (
    ("SRB", "XKX"),  # Kosovo (Security Council resolution 1244 (1999))
    ("SDN", "SSD"),  # Sudan – South Sudan, final boundary not yet determined (Abyei)
)


def disputed_mode() -> str:
    mode = getattr(settings, "IMAP_DISPUTED_BOUNDARIES", "un")
    if mode not in MODES:
        raise ImproperlyConfigured(f"IMAP_DISPUTED_BOUNDARIES must be one of {MODES}, not {mode!r}")
    return str(mode)
