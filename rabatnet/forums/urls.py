from django.urls import path

from . import level_views, moderation_views, views, write_views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="forums"),
    path("moderation/", moderation_views.queue_all, name="queue_all"),
    path("posts/<int:pk>/edit/", write_views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/flag/", write_views.post_flag, name="post_flag"),
    path("posts/<int:pk>/moderate/", moderation_views.post_moderate, name="post_moderate"),
    path("flags/<int:pk>/resolve/", moderation_views.flag_resolve, name="flag_resolve"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/new/", write_views.thread_create, name="thread_create"),
    path("<slug:slug>/queue/", moderation_views.forum_queue, name="queue"),
    path("<slug:slug>/log/", moderation_views.moderation_log, name="log"),
    path("<slug:slug>/<int:pk>/", views.thread_detail, name="thread"),
    path("<slug:slug>/<int:pk>/reply/", write_views.post_reply, name="reply"),
    path(
        "<slug:slug>/<int:pk>/moderate/", moderation_views.thread_moderate, name="thread_moderate"
    ),
    path("<slug:slug>/<int:pk>/move/", moderation_views.thread_move, name="thread_move"),
    path("<slug:slug>/level/", level_views.forum_level, name="forum_level"),
    path("<slug:slug>/<int:pk>/level/", level_views.thread_level, name="thread_level"),
]
