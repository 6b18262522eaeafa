"""How the URL walk (test_url_walk.py) treats each named URL: public or private, what it
answers otherwise, its query ceiling, the arguments and query strings it is walked with.

A new URL is classified here, or the walk fails.
"""

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
}
# The walk's e-mail confirmation token is no real one: the page says the link is not valid.
SECRETARIAT_STATUS = {name: 405 for name in POST_ONLY} | {
    "accounts:login": 302,
    "accounts:email_confirm": 400,
}

# Queries per page: the most the anonymous visitor or the secretariat may cost (measured
# on the walk's data, plus 2 for the session and the second factor's checks).
CEILINGS: dict[str, int] = {
    "accounts:login": 4,
    "accounts:logout": 4,
    "accounts:password_reset": 4,
    "accounts:password_reset_complete": 4,
    "accounts:password_reset_confirm": 5,
    "accounts:password_reset_done": 4,
    "accounts:two_factor": 8,
    "accounts:verify": 4,
    "api:api-root": 4,
    "api:get_country": 6,
    "api:get_dataset": 8,
    "api:index": 4,
    "api:list_countries": 6,
    "api:list_datasets": 8,
    "api:list_indicators": 9,
    "api:list_objectives": 5,
    "api:list_observations": 8,
    "api:list_themes": 5,
    "api:guide_editions": 10,
    "api:openapi-json": 4,
    "accounts:email_change": 5,
    "accounts:email_confirm": 5,
    "core:home": 5,
    # With its map drawn afresh (each test starts with an empty cache): the revision counters,
    # the members and their names; a kept picture costs the counters only.
    "countries:detail": 11,
    "countries:list": 6,
    # The map's downloads of the default state (membership), its picture drawn afresh: the
    # revision numbers, the layer's reads, the names.
    "imap:csv": 5,
    "imap:png": 7,
    "imap:svg": 7,
    "favicon": 4,
    "guides:compare": 13,
    "guides:contents": 11,
    "guides:decide": 6,
    "guides:detail": 13,
    "guides:docx": 7,
    "guides:edition": 13,
    "guides:edition_pdf": 7,
    "guides:endorsed": 12,
    "guides:editions": 8,
    "guides:history": 39,
    "guides:part_create": 9,
    "guides:part_delete": 6,
    "guides:part_edit": 10,
    "guides:pdf": 7,
    "guides:preview": 25,
    "guides:publish": 6,
    "guides:start": 6,
    "guides:step": 6,
    "guides:text": 9,
    "guides:timeline": 9,
    "guides:workspace": 19,
    "healthz": 5,
    "imap:embed": 13,  # the guides layer of SEN: 11 anonymous (measured on A's and B's work)
    "imap:map": 20,  # the same + the country panel: 16 measured (A, B and D merged in a trial)
    "network:appointment_create": 11,
    "network:appointment_end": 6,
    "network:country_area": 9,
    "network:directory": 11,
    "network:organisation_create": 9,
    "network:organisation_edit": 10,
    "network:organisation_list": 8,
    "network:person_create": 8,
    "network:person_detail": 10,
    "network:person_edit": 9,
    "network:private_home": 9,
    "network:directory_vcf": 11,
    "network:directory_csv": 11,
    "network:person_vcf": 10,
    "network:person_confirm": 6,
    "network:handover": 9,  # 7 measured
    # welcome, my_data, person_data: measured with the forums' and newsletter's sections
    "network:welcome": 12,
    "network:my_data": 14,
    "network:person_data": 15,
    "network:person_erase": 7,  # 5 measured
    "newsletter:archive": 5,
    "newsletter:bounce": 4,
    "newsletter:confirm": 5,
    "newsletter:edit": 12,
    "newsletter:highlights": 9,
    "newsletter:issue": 7,
    "newsletter:issue_pdf": 6,
    "newsletter:item_add": 8,
    "newsletter:item_delete": 6,
    "newsletter:item_edit": 6,
    "newsletter:item_move": 6,
    "newsletter:mail_preview": 8,
    "newsletter:manage": 8,
    "newsletter:send": 6,
    "newsletter:start": 8,
    "newsletter:subscribe": 4,
    "newsletter:test_send": 6,
    "newsletter:unsubscribe": 5,
    "network:notifications": 12,
    "forums:forum_level": 4,
    "forums:thread_level": 4,
    "sources:create": 12,
    "sources:delete": 6,
    "sources:edit": 14,
    "sources:entity_create": 8,
    "sources:list": 12,
    "statistics:catalogue": 15,  # + the derived values of each dataset not from an import
    "statistics:dataset": 10,  # + its derivations and derived or partial values (uncached)
    "statistics:download": 11,  # 11 measured alone, with an empty cache
    "statistics:profile": 7,
    "statistics:profile_chart": 7,
    "forums:forums": 13,
    "forums:forum": 10,
    "forums:thread": 19,
    "forums:thread_create": 8,
    "forums:reply": 8,
    "forums:post_edit": 8,
    "forums:post_history": 8,
    "forums:post_flag": 8,
    "forums:post_moderate": 5,
    "forums:thread_moderate": 5,
    "forums:thread_move": 8,
    "forums:flag_resolve": 5,
    "forums:attachment": 7,
    "forums:queue": 9,
    "forums:queue_all": 9,
    "forums:log": 8,
    # Collection cycles (issue 11): measured on the walk's data (Senegal's 10 entries) + 2.
    "cycles:list": 10,  # 8 measured with one cycle; each more cycle costs 3
    "cycles:create": 7,
    "cycles:detail": 12,
    "cycles:edit": 7,
    "cycles:close": 5,
    "cycles:queue": 8,
    "cycles:verify": 7,
    "cycles:return": 5,
    "cycles:country": 11,
    "cycles:assessment": 10,
    "cycles:submit": 5,
    "cycles:history": 9,
    # Follow-up actions and frameworks (issue 11, C), measured with an empty cache as the
    # secretariat (anonymous: list 3, csv 2, meeting 4, frameworks 2 and 6).
    "actions:list": 9,  # 7 measured
    "actions:csv": 7,  # 5
    "actions:meeting": 10,  # 8: the meeting, conclusions, actions, the previous meeting's
    "actions:create": 14,  # 12: the form's choices (conclusions, objectives, countries...)
    "actions:edit": 14,  # 12
    "actions:progress": 7,  # 5
    "frameworks:list": 7,  # 5
    "frameworks:detail": 11,  # 9: pillars, objectives, meetings, roadmap, action counts
    "api:list_frameworks": 6,
    "api:list_roadmap_actions": 6,
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
