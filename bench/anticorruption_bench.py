"""Anti-corruption benchmark: a disclosure year of 500 officials with relatives — page render and XLSX import.

    .venv/bin/python bench/anticorruption_bench.py                  # fresh SQLite in var/bench/, ~1 minute
    .venv/bin/python bench/anticorruption_bench.py --officials 500 --repeat 5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_bench_ac .venv/bin/python bench/anticorruption_bench.py

Builds the section's disclosures page and writes an XLSX year of --officials officials, each with a spouse and a
minor child (two real-estate lines and a vehicle each; about 4 lines per person in the file, as real tables have).
Then measures, in-process (Django's test client: server time, no network):

- the import of that XLSX through ``importer.import_file`` (validation of every cell + bulk insert; target < 5 s),
- the page of that year (median of --repeat renders) and its number of SQL queries, at --officials and at a tenth of
  it, to show the count does not grow with the rows (tests/anticorruption/test_disclosure_page.py asserts it too),
- the CSV, XLSX and JSON downloads of the year.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "anticorruption.sqlite3"


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    if "DATABASE_URL" not in os.environ:
        DB_PATH.parent.mkdir(parents=True, exist_ok=True)
        if DB_PATH.exists():
            DB_PATH.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def year_xlsx(officials: int) -> io.BytesIO:
    from openpyxl import Workbook

    from cms.anticorruption.disclosures import columns

    def line(**values):
        return [values.get(key) for key in columns.KEYS]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(columns.headers())
    for n in range(officials):
        sheet.append(
            line(
                number=n + 1,
                name=f"Служащий{n} Иван Петрович",
                position="Начальник отдела",
                income=1250000.5,
                owned_type="квартира",
                owned_ownership="общая долевая",
                owned_share="1/2",
                owned_area=54.3,
                owned_country="Россия",
                vehicle_kind="автомобиль легковой",
                vehicle_make="Лада Веста",
            )
        )
        sheet.append(
            line(
                owned_type="земельный участок",
                owned_ownership="индивидуальная",
                owned_area=600,
                used_type="гараж",
                used_area=24,
            )
        )
        sheet.append(
            line(
                relation="супруг(а)",
                income=480000,
                owned_type="квартира",
                owned_ownership="общая долевая",
                owned_share="1/2",
                owned_area=54.3,
                vehicle_kind="автомобиль легковой",
                vehicle_make="Киа Рио",
            )
        )
        sheet.append(line(relation="несовершеннолетний ребёнок", used_type="квартира", used_area=54.3))
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def build_page():
    from cms.anticorruption.models import DisclosuresPage
    from cms.pages.models import RubricPage
    from cms.pages.site_root import ensure_home_page

    home = ensure_home_page()
    rubric = RubricPage(title="Противодействие коррупции", slug="protivodeystvie-korruptsii")
    home.add_child(instance=rubric)
    page = DisclosuresPage(title="Сведения о доходах", slug="svedeniya-o-dokhodakh")
    rubric.add_child(instance=page)
    page.save_revision().publish()
    return page


def measure_page(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    times, cpu_times = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), statistics.median(cpu_times), len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from django.test import Client

    from cms.anticorruption.disclosures import importer
    from cms.anticorruption.models import DisclosureCampaign, DisclosureRow, RealEstateItem, VehicleItem

    page = build_page()
    client = Client()
    results = []
    for year, officials in ((2024, max(1, args.officials // 10)), (2025, args.officials)):
        campaign = DisclosureCampaign.objects.create(year=year)
        upload = year_xlsx(officials)
        size = len(upload.getvalue())
        start, cpu = time.perf_counter(), time.process_time()
        rows = importer.import_file(campaign, upload)
        import_seconds = time.perf_counter() - start
        import_cpu = time.process_time() - cpu
        url = page.url + f"{year}/"
        render, render_cpu, queries, html_bytes = measure_page(client, url, args.repeat)
        downloads = {}
        for fmt in ("csv", "xlsx", "json"):
            start = time.perf_counter()
            assert client.get(f"{url}{fmt}/").status_code == 200
            downloads[fmt] = time.perf_counter() - start
        results.append(
            (officials, rows, size, import_seconds, import_cpu, render, render_cpu, queries, html_bytes, downloads)
        )
    print(f"database: {os.environ['DATABASE_URL'].split(':')[0]}")
    # Wall time and CPU time of this process: on a shared machine the wall time includes waiting for a core.
    print(
        "| officials | rows | XLSX | import wall / CPU | page render wall / CPU (median) | queries | HTML "
        "| CSV | XLSX | JSON |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for officials, rows, size, imp, imp_cpu, render, render_cpu, queries, html, dl in results:
        print(
            f"| {officials} | {rows} | {size / 1024:.0f} KB | {imp:.2f} s / {imp_cpu:.2f} s | "
            f"{render * 1000:.0f} ms / {render_cpu * 1000:.0f} ms | {queries} | "
            f"{html / 1024:.0f} KB | {dl['csv']:.2f} s | {dl['xlsx']:.2f} s | {dl['json']:.2f} s |"
        )
    print(
        f"stored: {DisclosureRow.objects.count()} rows, {RealEstateItem.objects.count()} real estate items, "
        f"{VehicleItem.objects.count()} vehicles"
    )
    big = results[-1]
    print(f"import of {big[0]} officials: {big[3]:.2f} s wall, {big[4]:.2f} s CPU (target < 5 s)")
    print(
        f"queries: {results[0][7]} at {results[0][0]} officials, {big[7]} at {big[0]}: "
        f"{'constant' if results[0][7] == big[7] else 'GROWS'}"
    )


if __name__ == "__main__":
    main()
