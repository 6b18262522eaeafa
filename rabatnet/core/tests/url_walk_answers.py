"""The URLs of answering questionnaires (issue 13, C) for the URL walk: classes and query
ceilings. ``url_walk_classes`` adds each set and dict here to its own of the same name.

The respondent's personal link is public (its token is the key; the walk's sample is a
real link to an open questionnaire); the country's pages are private.
"""

PUBLIC: set[str] = {"answers:answer"}
PRIVATE: set[str] = {
    "answers:country",
    "answers:invite",
    "answers:invitation_step",
    "answers:response",
}
OTHER: dict[str, int] = {}
POST_ONLY: set[str] = {"answers:invite", "answers:invitation_step"}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
# Measured as the secretariat with an empty cache on the walk's sample (one invitation,
# one response with a repeat row), + 2.
CEILINGS: dict[str, int] = {
    "answers:answer": 12,
    "answers:country": 12,
    "answers:invite": 5,
    "answers:invitation_step": 5,
    "answers:response": 12,
}
