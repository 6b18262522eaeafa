"""The URLs of the questionnaires and their builder (issue 13, F) for the URL walk.

``url_walk_classes`` adds each set and dict here to its own of the same name. Every page is
private: members read the list and a questionnaire; the secretariat builds. Ceilings
measured as the secretariat on the walk's questionnaire (rabatnet/questionnaires/tests/
builder_samples.py: 12 rows, 3 lists of choices) with an empty cache, + 2; the tree costs
the same whatever the number of questions (one query for the rows, one for the choices).
"""

PUBLIC: set[str] = set()
PRIVATE: set[str] = {
    "questionnaires:list",
    "questionnaires:create",
    "questionnaires:detail",
    "questionnaires:edit",
    "questionnaires:question_create",
    "questionnaires:question_edit",
    "questionnaires:question_delete",
    "questionnaires:question_move",
    "questionnaires:choice_list_create",
    "questionnaires:choice_list_edit",
}
OTHER: dict[str, int] = {}
POST_ONLY: set[str] = {"questionnaires:question_delete", "questionnaires:question_move"}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
CEILINGS: dict[str, int] = {
    "questionnaires:list": 8,
    "questionnaires:create": 8,
    "questionnaires:detail": 12,
    "questionnaires:edit": 8,
    "questionnaires:question_create": 10,
    "questionnaires:question_edit": 12,
    "questionnaires:question_delete": 5,
    "questionnaires:question_move": 5,
    "questionnaires:choice_list_create": 8,
    "questionnaires:choice_list_edit": 10,
}
