"""Views of statistics: one module per page family (profile, catalogue, downloads)."""
