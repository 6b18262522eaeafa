"""An expert on the roster with a period, a CV and a track record: URL walk samples."""

from datetime import date

from django.core.files.base import ContentFile

from rabatnet.countries.models import Country

from ..models import Appraisal, Mission, Proposal
from .factories import make_expert, make_request


def expert_samples() -> dict[str, dict[str, object]]:
    expert = make_expert(available=[(date(2030, 1, 1), date(2030, 1, 31))])
    expert.countries_of_experience.add(Country.objects.get(iso3="MLI"))
    expert.cv.save("cv.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    request = make_request("SEN")
    Proposal.objects.create(request=request, expert=expert, rank=1, score=1, status="accepted")
    Mission.objects.create(request=request, starts_on=date(2030, 1, 5), ends_on=date(2030, 1, 9))
    Appraisal.objects.create(request=request, expert=expert, rating=4)
    one: dict[str, object] = {"pk": expert.pk}
    names = ("detail", "edit", "availability", "cv", "cv_download")
    return {f"experts:{name}": one for name in names}
