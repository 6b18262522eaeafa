"""The URLs of compilation (issue 13, D) for the URL walk: classes and query ceilings.

``url_walk_classes`` adds each set and dict here to its own of the same name. All private:
the guide's people read, its editors propose and decide; proposing is POST only.
"""

PRIVATE: set[str] = {
    "compilation:review",
    "compilation:propose",
    "compilation:propose_workshop",
    "compilation:candidate",
    "compilation:reject",
}
POST_ONLY: set[str] = {"compilation:propose", "compilation:propose_workshop"}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
# Measured as the secretariat with an empty cache on the walk's guide (a recommendation
# proposed by a workshop), + 2; the candidate page + 4 more for the forms whose choices
# are rows (an actor's institution, a source's entity, areas, contact, indicators). The
# review page costs the same whatever the number of candidates and records.
CEILINGS: dict[str, int] = {
    "compilation:review": 16,
    "compilation:propose": 5,
    "compilation:propose_workshop": 5,
    "compilation:candidate": 13,
    "compilation:reject": 9,
}
