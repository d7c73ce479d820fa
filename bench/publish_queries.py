"""Queries one publish costs: a demo information page published through Wagtail (link check on publish off).

    .venv/bin/python bench/publish_queries.py

Builds the demo site in a temporary SQLite database, then publishes one information page of it five times and
prints the queries of each publish (the first and the rest) and who issued them, by module.
"""

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    db = Path(tempfile.mkdtemp(prefix="publish-bench-")) / "db.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.pages.models import InformationPage

    call_command("migrate", verbosity=0)
    call_command("bootstrap_site", "--demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    page = InformationPage.objects.live().order_by("path").first()
    counts = []
    for _ in range(5):
        page = InformationPage.objects.get(pk=page.pk)
        page.title = page.title.rstrip("!") + "!"
        with CaptureQueriesContext(connection) as queries:
            page.save_revision().publish()
        counts.append(len(queries))
    print(f"publish of «{page.title}»: queries per publish {counts}")
    tables = Counter()
    for query in queries.captured_queries:
        sql = query["sql"]
        for word in ("UPDATE", "INSERT INTO", "FROM", "DELETE FROM"):
            if sql.startswith(word.split()[0]) or f" {word} " in sql:
                table = sql.split(word, 1)[1].split()[0].strip('"')
                tables[(word.split()[0], table)] += 1
                break
    for (verb, table), count in tables.most_common():
        print(f"  {count:3} {verb} {table}")


if __name__ == "__main__":
    main()
