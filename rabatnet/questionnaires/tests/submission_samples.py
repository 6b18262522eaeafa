"""The URL walk's arguments for the import of submissions (issue 13, B)."""

from .factories import make_questionnaire


def submission_samples() -> dict[str, dict[str, object]]:
    make_questionnaire("walk_submissions")
    return {"submissions:import": {"form_id": "walk_submissions", "iso3": "SEN"}}
