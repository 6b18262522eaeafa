"""Arguments of the answers' URLs for the URL walk (``core/tests/test_url_walk.py``): a
real personal link (public: it opens the respondent's page) and Senegal's pages."""

from ..invitations import make_token
from .answer_fixtures import invited
from .factories import make_response


def answer_samples() -> dict[str, dict[str, object]]:
    invitation = invited("walk_answers")
    response = make_response(
        invitation.questionnaire,
        "SEN",
        {("has_sources", 0): "yes", ("source_name", 1): "Census", ("areas", 1): "trends"},
    )
    country: dict[str, object] = {"form_id": "walk_answers", "iso3": "SEN"}
    return {
        "answers:answer": {"token": make_token(invitation)},
        "answers:country": country,
        "answers:invite": country,
        "answers:invitation_step": {**country, "pk": invitation.pk, "step": "extend"},
        "answers:response": {**country, "pk": response.pk},
    }
