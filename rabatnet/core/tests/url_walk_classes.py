"""How the URL walk (test_url_walk.py) treats each named URL: public or private, what it
answers otherwise, the arguments and query strings it is walked with.

A new URL is classified here, or the walk fails.
"""

from . import url_walk_answers as answers
from . import url_walk_builder as builder
from . import url_walk_compilation as compilation
from . import url_walk_interest as interest
from . import url_walk_support as support
from . import url_walk_workshops as workshops
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


# Technical support (issue 12): its own module.
PUBLIC |= support.PUBLIC
PRIVATE |= support.PRIVATE
OTHER |= support.OTHER
POST_ONLY |= support.POST_ONLY
SECRETARIAT_STATUS |= support.SECRETARIAT_STATUS
CEILINGS |= support.CEILINGS
# "All data held about me" reads the expert profile and the proposals as an expert.
CEILINGS["network:my_data"] += 2
CEILINGS["network:person_data"] += 2

# Submissions imported from ODK Central / KoboToolbox (issue 13, B): the country's page of
# imports (upload for who runs the questionnaire there, the list for its readers).
PRIVATE |= {"submissions:import"}
CEILINGS |= {"submissions:import": 12}
# National workshops (issue 13, E): their own module.
PUBLIC |= workshops.PUBLIC
PRIVATE |= workshops.PRIVATE
OTHER |= workshops.OTHER
POST_ONLY |= workshops.POST_ONLY
SECRETARIAT_STATUS |= workshops.SECRETARIAT_STATUS
CEILINGS |= workshops.CEILINGS
# "All data held about me" reads the sign-in lines and the expert lines.
CEILINGS["network:my_data"] += 2
CEILINGS["network:person_data"] += 2
# Expressions of interest and stakeholders (issue 13, G): their own module.
PUBLIC |= interest.PUBLIC
PRIVATE |= interest.PRIVATE
OTHER |= interest.OTHER
POST_ONLY |= interest.POST_ONLY
SECRETARIAT_STATUS |= interest.SECRETARIAT_STATUS
CEILINGS |= interest.CEILINGS
CEILINGS["network:my_data"] += interest.MY_DATA_EXTRA
CEILINGS["network:person_data"] += interest.MY_DATA_EXTRA
# The questionnaires and their builder (issue 13, F): their own module.
PUBLIC |= builder.PUBLIC
PRIVATE |= builder.PRIVATE
OTHER |= builder.OTHER
POST_ONLY |= builder.POST_ONLY
SECRETARIAT_STATUS |= builder.SECRETARIAT_STATUS
CEILINGS |= builder.CEILINGS
# Compilation (issue 13, D): its own module.
PRIVATE |= compilation.PRIVATE
POST_ONLY |= compilation.POST_ONLY
SECRETARIAT_STATUS |= compilation.SECRETARIAT_STATUS
CEILINGS |= compilation.CEILINGS
# Answering questionnaires (issue 13, C): its own module.
PUBLIC |= answers.PUBLIC
PRIVATE |= answers.PRIVATE
POST_ONLY |= answers.POST_ONLY
SECRETARIAT_STATUS |= answers.SECRETARIAT_STATUS
CEILINGS |= answers.CEILINGS
# "All data held about me" reads the invitations sent to the person's address (one query).
CEILINGS["network:my_data"] += 1
CEILINGS["network:person_data"] += 1
