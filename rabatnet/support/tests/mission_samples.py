"""The URL walk's arguments for the mission pages: a request reported, with its expert."""

from .mission_fixtures import reported


def mission_samples() -> dict[str, dict[str, object]]:
    request, expert, _staff = reported()
    pk: dict[str, object] = {"pk": request.pk}
    names = ("mission", "report", "report_download", "evaluation", "file", "file_pdf")
    return {
        **{f"missions:{name}": pk for name in names},
        "missions:appraisal": {**pk, "expert": expert.pk},
    }
