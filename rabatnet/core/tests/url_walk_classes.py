"""How the URL walk (test_url_walk.py) treats each named URL: public or private, what it
answers otherwise, the arguments and query strings it is walked with.

A new URL is classified here, or the walk fails.
"""

from .url_walk_ceilings import CEILINGS

PUBLIC = {
    "healthz",
    "api:index",
    # Same address as api:index (ninja's own root view, shadowed by the index).
    "api:api-root",
    "api:openapi-json",
    "api:list_countries",
    "api:get_country",
    "api:list_objectives",
    "api:list_themes",
    "core:home",
    "countries:list",
    "countries:detail",
    "imap:svg",
    "imap:png",
    "imap:csv",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "guides:detail",
    "guides:pdf",
    "guides:docx",
    "guides:editions",
    "guides:edition",
    "guides:edition_pdf",
    "guides:compare",
    "statistics:catalogue",
    "statistics:dataset",
    "statistics:download",
    "api:list_datasets",
    "api:get_dataset",
    "api:list_indicators",
    "api:list_observations",
    "api:guide_editions",
    "statistics:profile",
    "imap:map",
    "imap:embed",
    "newsletter:archive",
    "newsletter:subscribe",
    "newsletter:issue",
    "newsletter:issue_pdf",
    # Follow-up actions of published meetings and the strategy frameworks (issue 11, C).
    "actions:list",
    "actions:csv",
    "actions:meeting",
    "frameworks:list",
    "frameworks:detail",
    "api:list_frameworks",
    "api:list_roadmap_actions",
    # Registration and calendars (issue 11): the public feeds, and the personal feed, whose
    # token is the secret (no sign-in: a calendar application has none).
    "registrations:calendar",
    "registrations:calendar_kind",
    "registrations:calendar_country",
    "registrations:meeting_ics",
    "registrations:personal_calendar",
    # Meetings (issue 11, helper A)
    "meetings:list",
    "meetings:csv",
    "meetings:detail",
    "meetings:document",
    "api:list_meetings",
    "api:get_meeting",
    # Issue 11, initiatives: verified ones only.
    "initiatives:list",
    "initiatives:detail",
    "initiatives:csv",
    "api:list_initiatives",
    "api:get_initiative",
}
PRIVATE = {
    "guides:endorsed",
    "accounts:logout",
    "accounts:two_factor",
    "accounts:verify",
    "accounts:email_change",
    "accounts:email_confirm",
    "network:private_home",
    "network:country_area",
    "network:directory",
    "network:person_create",
    "network:person_detail",
    "network:person_edit",
    "network:appointment_create",
    "network:appointment_end",
    "network:organisation_list",
    "network:organisation_create",
    "network:organisation_edit",
    "network:directory_vcf",
    "network:directory_csv",
    "network:person_vcf",
    "network:person_confirm",
    "network:handover",
    "network:welcome",
    "network:my_data",
    "network:person_data",
    "network:person_erase",
    "network:notifications",
    "forums:forum_level",
    "forums:thread_level",
    "sources:list",
    "sources:create",
    "sources:edit",
    "sources:delete",
    "sources:entity_create",
    "guides:workspace",
    "guides:start",
    "guides:step",
    "guides:text",
    "guides:contents",
    "guides:preview",
    "guides:part_create",
    "guides:part_edit",
    "guides:part_delete",
    "guides:history",
    "guides:decide",
    "guides:publish",
    "guides:timeline",
    "newsletter:manage",
    "newsletter:start",
    "newsletter:edit",
    "newsletter:item_add",
    "newsletter:item_edit",
    "newsletter:item_delete",
    "newsletter:item_move",
    "newsletter:highlights",
    "newsletter:mail_preview",
    "newsletter:test_send",
    "newsletter:send",
    "forums:forums",
    "forums:forum",
    "forums:thread",
    "forums:thread_create",
    "forums:reply",
    "forums:post_edit",
    "forums:post_history",
    "forums:post_flag",
    "forums:post_moderate",
    "forums:thread_moderate",
    "forums:thread_move",
    "forums:flag_resolve",
    "forums:attachment",
    "forums:queue",
    "forums:queue_all",
    "forums:log",
    # Collection cycles and self-assessments (issue 11).
    "cycles:list",
    "cycles:create",
    "cycles:detail",
    "cycles:edit",
    "cycles:close",
    "cycles:queue",
    "cycles:verify",
    "cycles:return",
    "cycles:country",
    "cycles:assessment",
    "cycles:submit",
    "cycles:history",
    "actions:create",
    "actions:edit",
    "actions:progress",
    "registrations:registration_list",
    "registrations:registration",
    "registrations:registration_submit",
    "registrations:registration_withdraw",
    "registrations:registration_confirm",
    "registrations:meeting_registrations",
    "registrations:participants",
    # Meetings (issue 11, helper A): the secretariat's editing
    "meetings:create",
    "meetings:edit",
    "meetings:cancel",
    "meetings:programme",
    "meetings:document_upload",
    # Issue 11, initiatives.
    "initiatives:home",
    "initiatives:queue",
    "initiatives:country_list",
    "initiatives:create",
    "initiatives:contributors",
    "initiatives:contributor_end",
    "initiatives:private_detail",
    "initiatives:edit",
    "initiatives:submit",
    "initiatives:verify",
    "initiatives:return",
    "initiatives:history",
    # Issue 12, support requests (A): only the country's people and the secretariat.
    "support:list",
    "support:new",
    "support:detail",
    "support:act",
    "support:edit",
    "support:terms",
    "support:terms_new",
    "support:terms_agree",
}
# URLs that answer something else than 200 to anybody, on purpose.
# A profile chart without data (the walk's database holds no statistics) is not found.
OTHER = {"favicon": 302, "statistics:profile_chart": 404}
# A made-up subscriber token names nobody; the bounce endpoint takes only a POST (and is off
# without NEWSLETTER_BOUNCE_TOKEN).
OTHER |= {"newsletter:confirm": 404, "newsletter:unsubscribe": 404, "newsletter:bounce": 405}


# What the secretariat's GET answers where it is not 200: the steps are POST only.
POST_ONLY = {
    "accounts:logout",
    "guides:start",
    "guides:step",
    "guides:decide",
    "guides:publish",
    "guides:part_delete",
    "sources:delete",
    "network:appointment_end",
    "network:person_confirm",
    "newsletter:item_edit",
    "newsletter:item_delete",
    "newsletter:item_move",
    "newsletter:test_send",
    "newsletter:send",
    "forums:post_moderate",
    "forums:thread_moderate",
    "forums:flag_resolve",
    "forums:forum_level",
    "forums:thread_level",
    "cycles:close",
    "cycles:return",
    "cycles:submit",
    "registrations:registration_submit",
    "registrations:registration_withdraw",
    "registrations:registration_confirm",
    "initiatives:submit",
    "initiatives:verify",
    "initiatives:contributor_end",
    "support:act",
    "support:terms_agree",
}
# The walk's e-mail confirmation token is no real one: the page says the link is not valid.
SECRETARIAT_STATUS = {name: 405 for name in POST_ONLY} | {
    "accounts:login": 302,
    "accounts:email_confirm": 400,
}


# Newsletter URLs that take only the issue's quarter.
NEWSLETTER_ISSUE_URLS = [
    "newsletter:issue",
    "newsletter:issue_pdf",
    "newsletter:edit",
    "newsletter:item_add",
    "newsletter:highlights",
    "newsletter:test_send",
    "newsletter:send",
]

# Guide URLs that take only the country; some want a query string too.
GUIDE_URLS = [
    "guides:detail",
    "guides:pdf",
    "guides:docx",
    "guides:editions",
    "guides:compare",
    "guides:workspace",
    "guides:start",
    "guides:step",
    "guides:text",
    "guides:contents",
    "guides:preview",
    "guides:history",
]
QUERY = {"guides:compare": "?a=1&b=1"}
QUERY["statistics:download"] = "?indicator=walk_indicator&country=SEN&from=2000&to=2024"
QUERY["api:list_observations"] = "?indicator=walk_indicator&country=SEN"
QUERY["imap:map"] = "?layer=guides&country=SEN"
QUERY["imap:embed"] = "?layer=guides&country=SEN"

# The follow-up of the strategy (issue 11, matrix and reports): the dashboard, the matrix and
# its downloads, a country's report (HTML, PDF) and diff are public (verified data only); the
# fuller report and diff with unverified assessments are private. The matrix costs a fixed
# number of queries whatever the number of countries (followup/tests/test_matrix.py).
PUBLIC |= {
    "strategy:dashboard",
    "strategy:matrix",
    "strategy:matrix_csv",
    "strategy:matrix_svg",
    "strategy:report",
    "strategy:report_pdf",
    "strategy:diff",
    "api:strategy_progress",
}
PRIVATE |= {"strategy:private_report", "strategy:private_diff"}
FOLLOWUP_COUNTRY_URLS = [
    "strategy:report",
    "strategy:report_pdf",
    "strategy:diff",
    "strategy:private_report",
    "strategy:private_diff",
]
# Measured with two cycles of verified data (F's trial): 10 for the secretariat on the
# dashboard and matrix, 9 on the downloads, 10 on a report, 11-12 on a diff and the private
# pages; the API costs 1 + one query per cycle with published data.
CEILINGS |= {
    "strategy:dashboard": 12,
    "strategy:matrix": 12,
    "strategy:matrix_csv": 11,
    "strategy:matrix_svg": 11,
    "strategy:report": 12,
    "strategy:report_pdf": 12,
    "strategy:diff": 13,
    "strategy:private_report": 14,
    "strategy:private_diff": 14,
    "api:strategy_progress": 8,
}

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
# "All data held about me" reads the person's proposals as an expert (one query more).
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
# "All data held about me" asks for the expert profile (one query when there is none).
CEILINGS["network:my_data"] += 1
CEILINGS["network:person_data"] += 1
