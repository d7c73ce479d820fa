"""Demo FAQ entries for `bootstrap_site --demo` (the `bootstrap_demo_content` hook), from demo_data.yaml."""

from pathlib import Path

import yaml

DEMO_FILE = Path(__file__).with_name("demo_data.yaml")
RUBRIC_MODEL = "rubricpage"


def load_demo_entries(path: Path = DEMO_FILE) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)["entries"]


def fill(pages: dict) -> list[str]:
    """Publish each demo entry that does not exist yet (by its slug); returns one line per entry created."""
    from cms.faq.models import FaqEntry
    from cms.faq.owners import give_entry_an_owner
    from cms.faq.text import latin_slug

    done = []
    existing = set(FaqEntry.objects.values_list("slug", flat=True))
    for spec in load_demo_entries():
        slug = latin_slug(spec["question"])
        if slug in existing:
            continue
        category = pages.get(spec.get("category"))
        if category is not None and category._meta.model_name != RUBRIC_MODEL:
            category = None  # categories are rubrics; an area may have given this key its own page type
        entry = FaqEntry(question=spec["question"], slug=slug, answer=spec["answer"], category=category, live=False)
        entry.tags.add(*spec.get("tags", []))
        entry.save()
        entry.save_revision().publish()
        give_entry_an_owner(entry)
        existing.add(slug)
        done.append(f"FAQ: published demo entry «{entry.question}»")
    return done
