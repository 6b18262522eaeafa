from ninja import Schema


class MembershipOut(Schema):
    status: str
    side: str
    group: str
    since: int | None
    until: int | None
    note: str


class CountryOut(Schema):
    iso3: str
    iso2: str
    iso_numeric: str
    name_en: str
    name_fr: str
    name_pt: str
    region: str
    subregion: str
    status: str | None
    memberships: list[MembershipOut]


class ObjectiveOut(Schema):
    number: int
    pillar: int | None
    title_en: str
    title_fr: str


class ThemeOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    objective: int | None
    cross_cutting: bool
    first_year: int | None
    last_year: int | None


class ErrorOut(Schema):
    detail: str


class EndpointOut(Schema):
    method: str
    path: str
    summary: str
    description: str


class IndexOut(Schema):
    title: str
    version: str
    openapi: str
    endpoints: list[EndpointOut]
