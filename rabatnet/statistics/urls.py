"""Statistics: country profiles (/countries/<ISO3>/profile/) and the data catalogue (/data/)."""

app_name = "statistics"

# Each view module appends its own routes below (profile, then catalogue and downloads).
urlpatterns: list = []
