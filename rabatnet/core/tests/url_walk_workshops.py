"""The URLs of the national workshops (issue 13, E) for the URL walk: all private (the
sign-in list is personal data). ``url_walk_classes`` adds each set and dict here to its own
of the same name."""

PUBLIC: set[str] = set()
PRIVATE: set[str] = {
    "workshops:list",
    "workshops:create",
    "workshops:detail",
    "workshops:edit",
    "workshops:hold",
    "workshops:cancel",
    "workshops:report",
    "workshops:report_pdf",
    "workshops:participant_add",
    "workshops:participant_sign",
    "workshops:participant_remove",
    "workshops:expert_add",
    "workshops:expert_remove",
    "workshops:outcome_add",
    "workshops:outcome_edit",
    "workshops:outcome_remove",
}
OTHER: dict[str, int] = {}
POST_ONLY: set[str] = {
    "workshops:hold",
    "workshops:participant_sign",
    "workshops:participant_remove",
    "workshops:expert_remove",
    "workshops:outcome_remove",
}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
# Measured as the secretariat with an empty cache on the walk's workshop (one line of
# each) and on the demo workshop, + 2 (+ 4 where roster experts' names are read through
# person_card). The POST-only ones cost 3 (the session, the user, its appointments).
CEILINGS: dict[str, int] = {name: 5 for name in POST_ONLY} | {
    "workshops:list": 9,
    "workshops:create": 8,
    "workshops:detail": 12,
    "workshops:edit": 7,
    "workshops:cancel": 7,
    "workshops:report": 12,
    "workshops:report_pdf": 12,
    "workshops:participant_add": 10,
    "workshops:expert_add": 8,
    "workshops:outcome_add": 7,
    "workshops:outcome_edit": 8,
}
