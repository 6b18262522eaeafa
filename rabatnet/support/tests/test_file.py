"""A request's file (page and PDF): what each reader sees, the PDF parses and holds the
reference, another country's request is refused, French renders, example content marked."""

import io

import pypdf
import pytest
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import mission_services as services
from .factories import make_request
from .mission_fixtures import reported

pytestmark = pytest.mark.django_db


def _evaluate_and_appraise(request, expert, staff):
    services.evaluation_submit(
        request=request,
        relevance=5,
        quality=4,
        timeliness=3,
        usefulness=4,
        comment="Useful.",
        actor=f.focal_point("SEN"),
    )
    services.appraisal_write(
        request=request, expert=expert, rating=4, comment="Punctual work", actor=staff
    )


def test_the_country_reads_its_file_without_rates_or_appraisals(client):
    request, expert, staff = reported()
    expert.daily_rate, expert.rate_currency = 450, "EUR"
    expert.save()
    _evaluate_and_appraise(request, expert, staff)
    client.force_login(f.workgroup_member("SEN"))
    page = client.get(reverse("missions:file", kwargs={"pk": request.pk})).content.decode()
    assert request.reference in page
    assert str(expert.person.full_name) in page
    assert "Train <strong>twenty</strong> people." in page  # the ToR, markdown
    assert "agreed" in page
    assert "Dakar" in page and "Twenty statisticians trained." in page
    assert "4 / 5" in page and "Average of the four ratings (derived): 4.0" in page
    assert "450" not in page and "EUR" not in page
    assert "Punctual work" not in page
    assert "deployed" in page and "reported" in page  # the timeline


def test_the_secretariat_reads_rates_and_appraisals(client):
    request, expert, staff = reported()
    expert.daily_rate, expert.rate_currency = 450, "EUR"
    expert.save()
    _evaluate_and_appraise(request, expert, staff)
    client.force_login(staff)
    page = client.get(reverse("missions:file", kwargs={"pk": request.pk})).content.decode()
    assert "450" in page and "EUR" in page and "Punctual work" in page


def test_the_pdf_parses_and_holds_the_reference(client):
    request, _expert, _staff = reported()
    client.force_login(f.focal_point("SEN"))
    response = client.get(reverse("missions:file_pdf", kwargs={"pk": request.pk}))
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert request.reference in text
    assert "Dakar" in text


def test_another_country_cannot_read_the_file_or_pdf(client):
    request, _expert, _staff = reported()
    client.force_login(f.focal_point("MLI"))
    for name in ("file", "file_pdf", "report_download"):
        assert client.get(reverse(f"missions:{name}", kwargs={"pk": request.pk})).status_code == 403


def test_example_content_is_marked(client):
    request = make_request("SEN", example=True)
    client.force_login(f.secretariat())
    page = client.get(reverse("missions:file", kwargs={"pk": request.pk})).content.decode()
    assert "Example content" in page
    response = client.get(reverse("missions:file_pdf", kwargs={"pk": request.pk}))
    text = pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Example content" in text


def test_a_fresh_request_has_an_empty_file(client):
    request = make_request("SEN")
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("missions:file", kwargs={"pk": request.pk})).content.decode()
    assert "No terms of reference yet." in page
    assert "not set yet" in page


def test_french_pages_render(client):
    request, expert, staff = reported()
    client.force_login(staff)
    for name, kwargs in (
        ("file", {"pk": request.pk}),
        ("mission", {"pk": request.pk}),
        ("report", {"pk": request.pk}),
        ("evaluation", {"pk": request.pk}),
        ("appraisal", {"pk": request.pk, "expert": expert.pk}),
    ):
        url = reverse(f"missions:{name}", kwargs=kwargs).replace("/en/", "/fr/", 1)
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'lang="fr"' in response.content.decode()
    pdf = client.get(f"/fr/private/support/{request.pk}/file.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def _block(request, user) -> str:
    from django.template.loader import render_to_string

    return render_to_string(
        "support/_detail_mission.html", {"support_request": request, "user": user}
    )


def test_the_mission_block_offers_each_reader_their_forms():
    request, expert, staff = reported()
    staff_block = _block(request, staff)
    assert reverse("missions:appraisal", kwargs={"pk": request.pk, "expert": expert.pk}) in (
        staff_block
    )
    assert reverse("missions:mission", kwargs={"pk": request.pk}) in staff_block
    assert reverse("missions:report", kwargs={"pk": request.pk}) in staff_block
    assert "Dakar" in staff_block
    focal_block = _block(request, f.focal_point("SEN"))
    assert reverse("missions:evaluation", kwargs={"pk": request.pk}) in focal_block
    assert reverse("missions:mission", kwargs={"pk": request.pk}) not in focal_block
    assert reverse("missions:report_download", kwargs={"pk": request.pk}) in focal_block
    reader_block = _block(request, f.workgroup_member("SEN"))
    assert reverse("missions:evaluation", kwargs={"pk": request.pk}) not in reader_block
    assert reverse("missions:file", kwargs={"pk": request.pk}) in reader_block
    assert "appraise" not in reader_block


def test_the_mission_block_before_deployment():
    request = make_request("SEN")
    block = _block(request, f.secretariat())
    assert "not set yet" in block
    assert reverse("missions:mission", kwargs={"pk": request.pk}) not in block
