"""Copy the project's page tree into this stock site: same ids, paths, URLs, titles, rich text and StreamField data.

    DJANGO_SETTINGS_MODULE=bench.stock.settings DATABASE_URL=<stock db> django-admin copy_site --source <project db URL>

The project's database is read with plain SQL (its models are not installed here). Home page -> HomePage, the
project's information pages -> ContentPage (the StreamField's heading/paragraph data as is), every other page type
-> RubricPage (its introduction, if it has one). Documents are copied row by row (same ids), so the rich text's
page and document links resolve exactly as on the project's site. Replaces whatever the stock site held.
"""

import datetime
import json

import dj_database_url
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils.dateparse import parse_datetime
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site

from bench.stock.models import ContentPage, HomePage, RubricPage

PAGE_SQL = """
SELECT p.id, p.path, p.depth, p.numchild, p.url_path, p.slug, p.title, p.seo_title, p.search_description,
       p.show_in_menus, p.live, p.first_published_at, p.last_published_at, ct.app_label, ct.model
FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id
WHERE p.depth >= 2 ORDER BY p.path
"""
INTRO_TABLES = ("pages_homepage", "pages_rubricpage", "pages_unitspage")
BATCH = 500


def _aware(value):
    """SQLite hands back naive UTC text, PostgreSQL aware datetimes."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def read_source(url: str) -> dict:
    config = dj_database_url.parse(url)
    if config["ENGINE"].endswith("sqlite3"):
        import sqlite3

        source = sqlite3.connect(config["NAME"])
    else:
        import psycopg

        source = psycopg.connect(url)
    try:
        cursor = source.cursor()
        cursor.execute(PAGE_SQL)
        names = [column[0] for column in cursor.description]
        pages = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        intros = {}
        for table in INTRO_TABLES:
            cursor.execute(f"SELECT page_ptr_id, intro FROM {table}")  # noqa: S608 - fixed table names
            intros.update(cursor.fetchall())
        cursor.execute("SELECT page_ptr_id, body FROM pages_informationpage")
        bodies = {pk: json.loads(body) if isinstance(body, str) else body for pk, body in cursor.fetchall()}
        cursor.execute("SELECT id, title, file, file_hash, file_size FROM wagtaildocs_document ORDER BY id")
        documents = cursor.fetchall()
    finally:
        source.close()
    return {"pages": pages, "intros": intros, "bodies": bodies, "documents": documents}


class Command(BaseCommand):
    help = "Replace this stock site's pages and documents with a copy of the project's (plain SQL read)."

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, help="DATABASE_URL of the project's database")

    @transaction.atomic
    def handle(self, *args, source, **options):
        data = read_source(source)
        Site.objects.all().delete()
        Page.objects.filter(depth__gte=2).delete()
        get_document_model().objects.all().delete()
        locale = Locale.get_default()
        root = Page.objects.get(depth=1)
        types = {model: ContentType.objects.get_for_model(model).pk for model in (HomePage, RubricPage, ContentPage)}
        collection = Collection.get_first_root_node()
        get_document_model().objects.bulk_create(
            get_document_model()(
                id=pk, title=title, file=file, file_hash=file_hash, file_size=size, collection=collection
            )
            for pk, title, file, file_hash, size in data["documents"]
        )
        specific = []
        for row in data["pages"]:
            if row["depth"] == 2:
                model, extra = HomePage, {"intro": data["intros"].get(row["id"], "")}
            elif row["model"] == "informationpage":
                model, extra = ContentPage, {"body": data["bodies"][row["id"]]}
            else:
                model, extra = RubricPage, {"intro": data["intros"].get(row["id"], "")}
            fields = {key: row[key] for key in ("path", "depth", "numchild", "url_path", "slug", "title", "live")}
            specific.append(
                model(
                    id=row["id"],
                    page_ptr_id=row["id"],
                    draft_title=row["title"],
                    seo_title=row["seo_title"] or "",
                    search_description=row["search_description"] or "",
                    show_in_menus=bool(row["show_in_menus"]),
                    first_published_at=_aware(row["first_published_at"]),
                    last_published_at=_aware(row["last_published_at"]),
                    locale=locale,
                    content_type_id=types[model],
                    **fields,
                    **extra,
                )
            )
        base_fields = [f.attname for f in Page._meta.concrete_fields]
        Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in base_fields}) for page in specific], batch_size=BATCH
        )
        for model in types:
            rows = [page for page in specific if type(page) is model]
            fields = model._meta.local_concrete_fields
            for start in range(0, len(rows), 100):
                model._base_manager._insert(rows[start : start + 100], fields=fields, using=connection.alias)
        Page.objects.filter(pk=root.pk).update(numchild=sum(1 for page in specific if page.depth == 2))
        home = next(page for page in specific if page.depth == 2)
        Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True)
        if connection.vendor == "postgresql":
            for table in ("wagtailcore_page", get_document_model()._meta.db_table):
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"  # noqa: S608
                    )
        self.stdout.write(f"Copied {len(specific)} pages and {len(data['documents'])} documents.")
