"""The database refuses to change or delete a published edition's content and hashes."""

from django.db import migrations

SQLITE_UP = [
    """CREATE TRIGGER edition_published_is_frozen BEFORE UPDATE ON guides_edition
    WHEN OLD.status = 'published' AND (
        NEW.content IS NOT OLD.content OR NEW.content_sha256 IS NOT OLD.content_sha256
        OR NEW.status IS NOT OLD.status OR NEW.number IS NOT OLD.number
        OR NEW.guide_id IS NOT OLD.guide_id
        OR (OLD.pdf_sha256 != '' AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256))
    BEGIN SELECT RAISE(ABORT, 'a published edition is frozen'); END""",
    """CREATE TRIGGER edition_published_not_deleted BEFORE DELETE ON guides_edition
    WHEN OLD.status = 'published'
    BEGIN SELECT RAISE(ABORT, 'a published edition is frozen'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS edition_published_is_frozen",
    "DROP TRIGGER IF EXISTS edition_published_not_deleted",
]
POSTGRES_UP = [
    """CREATE FUNCTION guides_edition_frozen() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a published edition is frozen';
        END IF;
        IF NEW.content::text IS DISTINCT FROM OLD.content::text
           OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
           OR NEW.status IS DISTINCT FROM OLD.status OR NEW.number IS DISTINCT FROM OLD.number
           OR NEW.guide_id IS DISTINCT FROM OLD.guide_id
           OR (OLD.pdf_sha256 <> '' AND NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256) THEN
            RAISE EXCEPTION 'a published edition is frozen';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER edition_published_is_frozen BEFORE UPDATE OR DELETE ON guides_edition
    FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION guides_edition_frozen()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS edition_published_is_frozen ON guides_edition",
    "DROP FUNCTION IF EXISTS guides_edition_frozen()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("guides", "0002_seed_contents_and_challenges")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
