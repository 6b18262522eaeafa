"""Published guides in the API: each edition as frozen, from its snapshot."""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from rabatnet.countries.selectors import country_by_iso3
from rabatnet.guides import publication, selectors
from rabatnet.guides.models import Guide, Language

from .schemas import ErrorOut

router = Router(tags=["guides"])


class EditionOut(Schema):
    number: int
    title: str
    language: str
    country: str
    published_at: datetime | None
    content_sha256: str
    pdf_sha256: str
    public_content_sha256: str
    public_pdf_sha256: str
    contact_withdrawn_at: datetime | None


@router.get(
    "/countries/{iso3}/guides/{language}/editions",
    response={200: list[EditionOut], 404: ErrorOut},
    url_name="guide_editions",
)
def list_guide_editions(request: HttpRequest, iso3: str, language: Language) -> list[EditionOut]:
    """The published editions of a country's guide in one language, newest first.

    Title, language and country are those of each edition's frozen snapshot.
    ``content_sha256`` and ``pdf_sha256`` are the hashes of the edition as endorsed and
    published; ``public_*`` those of what is shown since a person withdrew consent to appear
    (the same when nobody did).
    """
    country = country_by_iso3(iso3)
    guide = Guide.objects.filter(country=country, language=language).first()
    if guide is None:
        raise Http404("No guide in this language.")
    editions = []
    for edition in selectors.editions(guide, published_only=True):
        summary = publication.edition_summary(edition)
        redaction = summary["redaction"]
        editions.append(
            EditionOut(
                number=edition.number,
                title=summary["title"],
                language=summary["language"],
                country=summary["country_name"],
                published_at=edition.published_at,
                content_sha256=edition.content_sha256,
                pdf_sha256=edition.pdf_sha256,
                public_content_sha256=summary["sha256"],
                public_pdf_sha256=summary["pdf_sha256"],
                contact_withdrawn_at=redaction.redacted_at if redaction else None,
            )
        )
    return editions
