from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from rabatnet.api.urls import api_urls
from rabatnet.core.views import favicon, healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", api_urls),
]

urlpatterns += i18n_patterns(
    path("", include("rabatnet.core.urls")),
    path("countries/", include("rabatnet.countries.urls")),
    path("countries/<str:iso3>/sources/", include("rabatnet.sources.urls")),
    path("", include("rabatnet.guides.urls")),
    path("", include("rabatnet.statistics.urls")),
    path("", include("rabatnet.imap.urls")),
    path("accounts/", include("rabatnet.accounts.urls")),
    path("private/forums/", include("rabatnet.forums.urls")),
    path("private/", include("rabatnet.network.urls")),
    path("newsletter/", include("rabatnet.newsletter.urls")),
    path("", include("rabatnet.meetings.registration_urls")),
    path("", include("rabatnet.meetings.action_urls")),
    path("", include("rabatnet.meetings.urls")),
    path("", include("rabatnet.followup.initiative_urls")),
    path("", include("rabatnet.followup.cycle_urls")),
    path("", include("rabatnet.followup.urls")),
    path("", include("rabatnet.followup.framework_urls")),
    path("", include("rabatnet.support.clock_urls")),
    path("", include("rabatnet.support.matching_urls")),
    path("", include("rabatnet.support.mission_urls")),
    path("", include("rabatnet.support.request_urls")),
    path("", include("rabatnet.support.expert_urls")),
    path("", include("rabatnet.questionnaires.xlsform_urls")),
    path("", include("rabatnet.questionnaires.submission_urls")),
    path("", include("rabatnet.questionnaires.answer_urls")),
    path("", include("rabatnet.questionnaires.compilation_urls")),
    path("", include("rabatnet.questionnaires.workshop_urls")),
    path("", include("rabatnet.questionnaires.interest_urls")),
    path("", include("rabatnet.questionnaires.questionnaire_urls")),
    path("admin/", admin.site.urls),
)
