"""The URLs of technical support (issue 12) for the URL walk: classes and query ceilings.

``url_walk_classes`` adds each set and dict here to its own of the same name.
"""

PUBLIC: set[str] = set()
PRIVATE: set[str] = {
    # Support requests (A): only the country's people and the secretariat.
    "support:list",
    "support:new",
    "support:detail",
    "support:act",
    "support:edit",
    "support:terms",
    "support:terms_new",
    "support:terms_agree",
}
OTHER: dict[str, int] = {}
POST_ONLY: set[str] = {"support:act", "support:terms_agree"}
SECRETARIAT_STATUS: dict[str, int] = {name: 405 for name in POST_ONLY}
CEILINGS: dict[str, int] = {}

# Support requests (issue 12, A): measured as the secretariat with an empty cache, + 2.
CEILINGS |= {
    "support:list": 12,
    "support:new": 12,
    "support:detail": 20,  # with the matching and mission panels (18 measured)
    "support:act": 5,
    "support:edit": 14,
    "support:terms": 8,
    "support:terms_new": 8,
    "support:terms_agree": 5,
}
# Technical support, issue 12 (E): a request's mission, report, evaluation, appraisals, its
# file (page, PDF) and the secretariat's CSV. All private. Ceilings measured on the walk's
# reported request (rabatnet/support/tests/mission_samples.py) with an empty cache, + 2; the
# CSV costs the same whatever the number of requests (prefetched).
PRIVATE |= {
    "missions:export",
    "missions:mission",
    "missions:report",
    "missions:report_download",
    "missions:evaluation",
    "missions:appraisal",
    "missions:file",
    "missions:file_pdf",
}
CEILINGS |= {
    "missions:export": 10,
    "missions:mission": 9,
    "missions:report": 9,
    "missions:report_download": 8,
    "missions:evaluation": 8,
    "missions:appraisal": 9,
    "missions:file": 15,
    "missions:file_pdf": 15,
}
# The support clock (issue 12, D): the public figures, their CSV and the API are public
# (requests marked public, anonymised); the dashboard is the secretariat's. Measured with an
# empty cache and requests on file: 3 queries anonymously (revision, requests, their events),
# 6 signed in; the dashboard 7 (session, user, roles, the filter's countries, requests,
# events). The cost does not grow with the requests (support/tests/test_clock_views.py).
PUBLIC |= {"support_clock:public", "support_clock:csv", "api:support_statistics"}
PRIVATE |= {"support_clock:dashboard"}
CEILINGS |= {
    "support_clock:public": 8,
    "support_clock:csv": 8,
    "api:support_statistics": 8,
    "support_clock:dashboard": 9,
}
# Technical support, matching (issue 12, C): the secretariat's ranked list and its steps
# (POST only); a signed-in expert's requests they were asked about (the secretariat has no
# expert profile: 403); the expert's private link (public; a made-up token names nobody).
PRIVATE |= {
    "matching:matching",
    "matching:ask",
    "matching:withdraw",
    "matching:record",
    "matching:asked",
    "matching:asked_detail",
}
OTHER |= {"matching:answer": 404}
POST_ONLY |= {"matching:ask", "matching:withdraw", "matching:record"}
SECRETARIAT_STATUS |= {
    name: 405 for name in ("matching:ask", "matching:withdraw", "matching:record")
}
SECRETARIAT_STATUS |= {"matching:asked": 403, "matching:asked_detail": 403}
# Measured as the secretariat with an empty cache (the walk's one request, one expert), + 2.
CEILINGS |= {
    "matching:matching": 18,
    "matching:ask": 5,
    "matching:withdraw": 5,
    "matching:record": 5,
    "matching:asked": 6,
    "matching:asked_detail": 7,
    "matching:answer": 6,
}
# The expert roster (issue 12, helper B): personal data, the secretariat's and the expert's.
# Measured as the secretariat with an empty cache on the walk's sample expert (a period, a
# CV, an accepted mission and an appraisal), + 2.
PRIVATE |= {
    "experts:roster",
    "experts:enrol",
    "experts:me",
    "experts:detail",
    "experts:edit",
    "experts:availability",
    "experts:cv",
    "experts:cv_download",
}
CEILINGS |= {
    "experts:roster": 15,
    "experts:enrol": 8,
    "experts:me": 6,
    "experts:detail": 14,
    "experts:edit": 15,
    "experts:availability": 8,
    "experts:cv": 7,
    "experts:cv_download": 7,
}
# The secretariat has no expert profile of its own: "my profile" says so.
SECRETARIAT_STATUS |= {"experts:me": 404}

# XLSForm out and in (issue 13, A): the secretariat's import page; every member downloads a
# questionnaire's XLSForm. Measured as the secretariat with an empty cache, + 2.
PRIVATE |= {"xlsform:import", "xlsform:download"}
CEILINGS |= {"xlsform:import": 8, "xlsform:download": 10}
