"""The URLs of expressions of interest and stakeholders (issue 13, G) for the URL walk.

``url_walk_classes`` adds each set and dict here to its own of the same name. All private
but the invited person's answer, which is public through a personal link: a made-up token
names nobody (404). Ceilings measured as the secretariat with an empty cache on the walk's
declaration (one stakeholder), + 2.
"""

PUBLIC: set[str] = set()
PRIVATE: set[str] = {
    "interest:list",
    "interest:declare",
    "interest:detail",
    "interest:edit",
    "interest:acknowledge",
    "interest:withdraw",
    "interest:stakeholder_add",
    "interest:stakeholder_invite",
    "interest:stakeholder_remove",
}
OTHER: dict[str, int] = {"interest:invitation": 404}
POST_ONLY: set[str] = {
    "interest:acknowledge",
    "interest:stakeholder_invite",
    "interest:stakeholder_remove",
}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
CEILINGS: dict[str, int] = {
    "interest:list": 8,
    "interest:declare": 11,
    "interest:detail": 17,
    "interest:edit": 11,
    "interest:acknowledge": 5,
    "interest:withdraw": 7,
    "interest:stakeholder_add": 11,
    "interest:stakeholder_invite": 5,
    "interest:stakeholder_remove": 5,
    "interest:invitation": 5,
}
# "All data held about me" (and the secretariat's view of it) gains the stakeholder section
# (interest_receivers): 2 queries.
MY_DATA_EXTRA = 2
