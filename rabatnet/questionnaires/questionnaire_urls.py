"""F — the questionnaires and their builder: /private/questionnaires/... (included last: the
other helpers' more specific routes under /private/questionnaires/ come first)."""

from django.urls import path

from . import choice_views, question_views, questionnaire_views

app_name = "questionnaires"

P = "private/questionnaires/"
Q = P + "<str:form_id>/"

urlpatterns = [
    path(P, questionnaire_views.questionnaire_list, name="list"),
    path(f"{P}new/", questionnaire_views.questionnaire_create, name="create"),
    path(Q, questionnaire_views.questionnaire_detail, name="detail"),
    path(f"{Q}edit/", questionnaire_views.questionnaire_edit, name="edit"),
    path(f"{Q}questions/new/", question_views.question_create, name="question_create"),
    path(f"{Q}questions/<int:pk>/", question_views.question_edit, name="question_edit"),
    path(f"{Q}questions/<int:pk>/delete/", question_views.question_delete, name="question_delete"),
    path(f"{Q}questions/<int:pk>/move/", question_views.question_move, name="question_move"),
    path(f"{Q}choices/new/", choice_views.choice_list_create, name="choice_list_create"),
    path(f"{Q}choices/<int:pk>/", choice_views.choice_list_edit, name="choice_list_edit"),
]
