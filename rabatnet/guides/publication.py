"""What the public sees of an edition: its snapshot, less the people who withdrew consent.

Everything here reads the edition's frozen snapshot and its redactions, never the living
records, so a published edition cannot drift (docs/decisions/0006, 0020).
"""

import copy
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rabatnet.network.models import Person

from .compare import compare_contents
from .docx_export import render_guide_docx
from .models import Edition, EditionRedaction, Language, PdfBuild
from .models.guide import content_hash
from .rendering import (
    RENDERER_VERSION,
    cached_pdf,
    export_text,
    published_pdf_path,
    render_guide_body,
)

# A queued build not done after this long (a worker lost it) may be queued again.
PDF_BUILD_RETRY_AFTER = timedelta(minutes=15)


# --- Redaction ------------------------------------------------------------------------------


def person_identity(person: Person) -> dict[str, Any]:
    """How a withdrawn person is found in snapshots: id (schema 2), name and e-mail (schema 1)."""
    return {"id": person.pk, "name": person.full_name, "email": person.email}


class _Matcher:
    def __init__(self, withdrawn: list[dict[str, Any]]) -> None:
        self.ids = {f"network.person:{p['id']}" for p in withdrawn}
        self.pairs = {(p["name"].casefold(), p["email"].casefold()) for p in withdrawn}
        self.names = {p["name"].casefold() for p in withdrawn}

    def person(self, entry: dict[str, Any]) -> bool:
        if "person" in entry:
            return entry["person"] in self.ids
        pair = (str(entry.get("name", "")).casefold(), str(entry.get("email", "")).casefold())
        return pair in self.pairs

    def contact(self, source: dict[str, Any]) -> bool:
        if "contact_person" in source:
            return source["contact_person"] in self.ids
        return bool(source.get("contact")) and source["contact"].casefold() in self.names


def _replace_person(entry: dict[str, Any], *fallbacks: str) -> None:
    entry["name"] = next((f for f in (entry.get("position", ""), *fallbacks) if f), "") or _(
        "contact withdrawn"
    )
    entry["email"] = entry["phone"] = ""


def redact(content: dict[str, Any], withdrawn: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of the snapshot where each withdrawn person is replaced by their position and
    organisation, without name, e-mail or telephone."""
    redacted = copy.deepcopy(content)
    match = _Matcher(withdrawn)
    with translation.override(content["language"]):
        for entry in redacted.get("annex", []):
            if match.person(entry):
                _replace_person(entry)
        for member in redacted.get("part3", {}).get("workgroup", []):
            if match.person(member):
                _replace_person(member, member.get("role", ""))
        positions = {
            e.get("person") or e.get("email"): e for e in content.get("annex", []) if e.get("name")
        }
        for group in redacted.get("part1", {}).get("groups", []):
            for entity in group["entities"]:
                for source in entity["sources"]:
                    if match.contact(source):
                        known = positions.get(source.get("contact_person"), {})
                        parts = [known.get("position", ""), known.get("organisation", "")]
                        source["contact"] = ", ".join(filter(None, parts)) or _("contact withdrawn")
    return redacted


def appears_in(content: dict[str, Any], identity: dict[str, Any]) -> bool:
    """Whether the person is named anywhere in the snapshot."""
    return redact(content, [identity]) != content


def latest_redaction(edition: Edition) -> EditionRedaction | None:
    return edition.redactions.order_by("-redacted_at", "-pk").first()


@transaction.atomic
def editions_redact_person(*, person: Person, at: datetime) -> list[EditionRedaction]:
    """Withdraw ``person`` from the public renderings of every edition that names them.

    The editions stay as endorsed; each gets a redaction recording every person withdrawn so
    far, with the redacted content's hash. A published edition's PDF is rebuilt.
    """
    identity = person_identity(person)
    created = []
    for edition in Edition.objects.select_for_update().order_by("pk"):
        if not appears_in(edition.content, identity):
            continue
        previous = latest_redaction(edition)
        withdrawn = list(previous.withdrawn) if previous else []
        if any(p["id"] == person.pk for p in withdrawn):
            continue
        withdrawn.append(identity)
        sha = content_hash(redact(edition.content, withdrawn))
        redaction = EditionRedaction.objects.create(
            edition=edition, redacted_at=at, withdrawn=withdrawn, redacted_sha256=sha
        )
        redaction.people.set([p["id"] for p in withdrawn])
        created.append(redaction)
        if edition.status == Edition.Status.PUBLISHED:
            transaction.on_commit(partial(queue_pdf_build, edition=edition, content_sha256=sha))
    return created


def on_guide_consent_withdrawn(
    sender: object, *, person: Person, at: datetime, **kwargs: Any
) -> None:
    """Receiver of ``network.signals.guide_consent_withdrawn``."""
    editions_redact_person(person=person, at=at)


# --- The public renderings ------------------------------------------------------------------


def public_content(edition: Edition) -> tuple[dict[str, Any], str, EditionRedaction | None]:
    """The content the public sees, its SHA-256, and the redaction in force (if any)."""
    redaction = latest_redaction(edition)
    if redaction is None:
        return edition.content, edition.content_sha256, None
    return redact(edition.content, redaction.withdrawn), redaction.redacted_sha256, redaction


Public = tuple[dict[str, Any], str, EditionRedaction | None]


def endorsed_content(edition: Edition) -> tuple[dict[str, Any], str]:
    """The edition as endorsed, for the secretariat, less the people erased since: an erased
    person's name leaves every page, this one included (the stored snapshot keeps its hash)."""
    redaction = latest_redaction(edition)
    if redaction is None:
        return edition.content, edition.content_sha256
    ids = [p["id"] for p in redaction.withdrawn]
    erased_ids = set(
        Person.objects.filter(pk__in=ids, erased_at__isnull=False).values_list("pk", flat=True)
    )
    if not erased_ids:
        return edition.content, edition.content_sha256
    content = redact(edition.content, [p for p in redaction.withdrawn if p["id"] in erased_ids])
    return content, content_hash(content)


def edition_body(
    edition: Edition, *, as_endorsed: bool = False, public: Public | None = None
) -> str:
    """The edition's body as HTML: as the public sees it (``public``: ``public_content``,
    if the caller has it already), or as endorsed (the secretariat)."""
    if as_endorsed:
        content, sha256 = endorsed_content(edition)
    else:
        content, sha256, _redaction = public or public_content(edition)
    key = f"guide-body:{sha256}:{RENDERER_VERSION}"
    return str(cache.get_or_set(key, lambda: render_guide_body(content, sha256)))


def edition_summary(edition: Edition, public: Public | None = None) -> dict[str, Any]:
    """The page's heading and facts, from the snapshot and the redaction in force."""
    content, sha256, redaction = public or public_content(edition)
    return {
        "edition": edition,
        "title": export_text(content.get("title", "")),
        "country_name": export_text(content["country"]["name"]),
        "language": content["language"],
        "language_name": Language(content["language"]).label,
        "is_example": content.get("is_example", False),
        "sha256": sha256,
        "pdf_sha256": redaction.pdf_sha256 if redaction else edition.pdf_sha256,
        "redaction": redaction,
    }


def edition_page_context(edition: Edition, *, as_endorsed: bool = False) -> dict[str, Any]:
    public = public_content(edition)  # read and redacted once for the heading and the body
    return {
        "summary": edition_summary(edition, public),
        "body": edition_body(edition, as_endorsed=as_endorsed, public=public),
        "as_endorsed": as_endorsed,
    }


def edition_docx(edition: Edition) -> bytes:
    content, sha256, _redaction = public_content(edition)
    return render_guide_docx(content, sha256)


def queue_pdf_build(*, edition: Edition, content_sha256: str) -> bool:
    """Queue the PDF build of this content once, however many ask; True if queued now."""
    from .tasks import build_edition_pdf

    now = timezone.now()
    build, created = PdfBuild.objects.get_or_create(
        edition=edition, content_sha256=content_sha256, defaults={"queued_at": now}
    )
    if not created:
        retry = PdfBuild.objects.filter(
            pk=build.pk, queued_at__lt=now - PDF_BUILD_RETRY_AFTER
        ).update(queued_at=now)
        if not retry:
            return False
    build_edition_pdf.enqueue(edition_id=edition.pk)
    return True


def edition_pdf_file(edition: Edition) -> Path | None:
    """The public PDF if built; else its build is queued (once) and None."""
    _content, sha256, redaction = public_content(edition)
    kept = redaction.pdf_sha256 if redaction else edition.pdf_sha256
    path = published_pdf_path(kept) if kept else None
    if path is not None and path.exists():
        return path
    path = cached_pdf(sha256)
    if path is None:
        queue_pdf_build(edition=edition, content_sha256=sha256)
        path = cached_pdf(sha256)  # an inline backend has built it already
    return path


def editions_comparison(old: Edition, new: Edition) -> dict[str, Any]:
    """The comparison of what the public sees of two editions, in the newer one's language."""
    before, _sha, _redaction = public_content(old)
    after, _sha, _redaction = public_content(new)
    return {"parts": compare_contents(before, after), "language": after["language"]}
