"""Seed data the catalog cannot work without, and PostgreSQL's search machinery.

- The four levels of government that implement procedures.
- The publication time rules of TT 02/2017/TT-VPCP as data (an administrator corrects them in the admin).
- On PostgreSQL only: the `unaccent` and `pg_trgm` extensions, a generated tsvector over the folded name
  (weight A) and the other folded fields (weight B), a GIN index on it, and a trigram index on the name.
  SQLite searches the folded columns directly.
"""

from datetime import date

from django.db import migrations

LEVELS = [("central", "Cấp trung ương", 1), ("province", "Cấp tỉnh", 2), ("district", "Cấp huyện", 3),
          ("commune", "Cấp xã", 4)]
RULES = [
    ("publish_before_effect", 5, "Điều 15 Nghị định 63/2010/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP); "
     "Thông tư 02/2017/TT-VPCP"),
    ("post_after_decision", 5, "Thông tư 02/2017/TT-VPCP"),
]
RULES_FROM = date(2017, 10, 31)

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE catalog_procedureversion ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    " setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_text), 'B')"
    ") STORED",
    "CREATE INDEX catalog_version_search_gin ON catalog_procedureversion USING gin (search_vector)",
    "CREATE INDEX catalog_version_name_trgm ON catalog_procedureversion USING gin (search_name gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalog_version_name_trgm",
    "DROP INDEX IF EXISTS catalog_version_search_gin",
    "ALTER TABLE catalog_procedureversion DROP COLUMN IF EXISTS search_vector",
]


def seed(apps, schema_editor):
    Level = apps.get_model("catalog", "Level")
    Rule = apps.get_model("catalog", "PublicationRule")
    for code, name, rank in LEVELS:
        Level.objects.update_or_create(code=code, defaults={"name": name, "rank": rank})
    for kind, days, basis in RULES:
        Rule.objects.get_or_create(kind=kind, valid_from=RULES_FROM,
                                   defaults={"working_days": days, "legal_basis": basis})


def postgres_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)


def drop_postgres_search(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(postgres_search, drop_postgres_search),
    ]
