"""Forums: one per priority theme, one private forum per country workgroup.

Authors and readers are network people (``network.Person``): an erased person's posts stay,
signed "erased person #id". Every write goes through ``services.py``.
"""

from .content import (
    Attachment,
    Forum,
    Level,
    Membership,
    Mention,
    Post,
    PostRevision,
    PostStatus,
    Thread,
    attachment_path,
)
from .moderation import Flag, ModerationAction
from .notification import (
    Delivery,
    Notification,
    NotificationSettings,
    ThreadRead,
    ThreadSubscription,
)

__all__ = [
    "Attachment",
    "Delivery",
    "Flag",
    "Forum",
    "Level",
    "Membership",
    "Mention",
    "ModerationAction",
    "Notification",
    "NotificationSettings",
    "Post",
    "PostRevision",
    "PostStatus",
    "Thread",
    "ThreadRead",
    "ThreadSubscription",
    "attachment_path",
]
