from django.urls import path

from .views import manage, public

app_name = "newsletter"

ISSUE = "manage/<int:year>/q<int:quarter>/"

urlpatterns = [
    path("", public.archive, name="archive"),
    path("subscribe/", public.subscribe, name="subscribe"),
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("bounces/", public.bounce, name="bounce"),
    path("<int:year>/q<int:quarter>/", public.issue_detail, name="issue"),
    path("<int:year>/q<int:quarter>.pdf", public.issue_pdf_view, name="issue_pdf"),
    path("manage/", manage.issue_list, name="manage"),
    path("manage/start/", manage.issue_start, name="start"),
    path(ISSUE, manage.issue_edit, name="edit"),
    path(ISSUE + "items/add/", manage.item_add, name="item_add"),
    path(ISSUE + "items/<int:pk>/", manage.item_edit, name="item_edit"),
    path(ISSUE + "items/<int:pk>/delete/", manage.item_delete, name="item_delete"),
    path(ISSUE + "items/<int:pk>/move/", manage.item_move, name="item_move"),
    path(ISSUE + "highlights/", manage.highlights, name="highlights"),
    path(ISSUE + "mail/<str:language>/<str:fmt>/", manage.mail_preview, name="mail_preview"),
    path(ISSUE + "test/", manage.test_send, name="test_send"),
    path(ISSUE + "send/", manage.send, name="send"),
]
