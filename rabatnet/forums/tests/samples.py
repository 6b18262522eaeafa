"""A forum with a thread, a reply, an attachment and a flag: sample URLs for the URL walk."""

from django.core.files.base import ContentFile

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.forums import moderation, services
from rabatnet.forums.models import Attachment, Forum, Thread
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f


def forum_samples() -> dict[str, dict[str, object]]:
    forum = Forum.objects.create(
        slug="sen", name="Senegal workgroup", country=Country.objects.get(iso3="SEN")
    )
    author = Person.objects.get(user=f.focal_point("SEN"))
    thread = services.thread_create(forum=forum, author=author, title="Walk", body="Hello")
    post = thread.posts.get()
    attachment = Attachment(
        post=post, filename="a.pdf", content_type="application/pdf", size=9, sha256="0" * 64
    )
    attachment.file.save("a.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    attachment.save()
    reader = Person.objects.get(user=f.workgroup_member("SEN"))
    flag = moderation.flag_create(post=post, person=reader, reason="Walk")
    slug: dict[str, object] = {"slug": "sen"}
    in_thread: dict[str, object] = {"slug": "sen", "pk": thread.pk}
    on_post: dict[str, object] = {"pk": post.pk}
    return {
        "forums:forum": slug,
        "forums:thread_create": slug,
        "forums:queue": slug,
        "forums:log": slug,
        "forums:thread": in_thread,
        "forums:reply": in_thread,
        "forums:thread_moderate": in_thread,
        "forums:thread_move": in_thread,
        "forums:post_edit": on_post,
        "forums:post_history": on_post,
        "forums:post_flag": on_post,
        "forums:post_moderate": on_post,
        "forums:flag_resolve": {"pk": flag.pk},
        "forums:attachment": {"pk": attachment.pk},
    }


def fuzz_thread(author_user: User) -> Thread:
    """Senegal's forum with a thread by ``author_user`` (made once): for the form fuzz."""
    forum, _ = Forum.objects.get_or_create(
        slug="sen",
        defaults={"name": "Senegal workgroup", "country": Country.objects.get(iso3="SEN")},
    )
    Forum.objects.get_or_create(slug="fuzz-theme", defaults={"name": "Thematic"})
    thread = forum.threads.filter(title="Fuzz").first()
    if thread is None:
        author = Person.objects.get(user=author_user)
        thread = services.thread_create(forum=forum, author=author, title="Fuzz", body="Hello")
    return thread
