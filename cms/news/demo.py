"""Demo news for `bootstrap_site --demo` (data: demo_data.yaml, fictional and marked as demo)."""

import io
from datetime import timedelta
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from .models import NewsIndexPage, NewsPage

DATA_FILE = Path(__file__).with_name("demo_data.yaml")


def _load():
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _picture(colour) -> bytes:
    """A plain illustrative picture (demo): a coloured field with a lighter band, 1200×800."""
    picture = PILImage.new("RGB", (1200, 800), tuple(colour))
    lighter = tuple(min(255, c + 60) for c in colour)
    ImageDraw.Draw(picture).rectangle((0, 520, 1200, 800), fill=lighter)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def _images(specs, done) -> dict:
    Image = get_image_model()
    images = {}
    for spec in specs:
        image = Image.objects.filter(title=spec["title"]).first()
        if image is None:
            image = Image(title=spec["title"])
            image.file = ImageFile(io.BytesIO(_picture(spec["colour"])), name=f"demo-news-{spec['key']}.png")
            image.save()
            done.append(f"demo image «{spec['title']}»")
        images[spec["key"]] = image
    return images


def _index(pages) -> NewsIndexPage | None:
    data_key = _load()["index"]
    page = pages.get(data_key)
    if isinstance(page, NewsIndexPage):
        return page
    return NewsIndexPage.objects.first()


def fill(pages: dict) -> list[str]:
    """Create the demo news items that are missing under the news index; a second run does nothing."""
    index = _index(pages)
    if index is None:
        return []
    data = _load()
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    wanted = [(n, item) for n, item in enumerate(data["news"], start=1) if f"demo-novost-{n:02d}" not in existing]
    if not wanted:
        return []
    done = []
    images = _images(data["images"], done)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n, item in wanted:
        image = item.get("image")
        page = NewsPage(
            title=item["title"],
            slug=f"demo-novost-{n:02d}",
            date=now - timedelta(days=item["days_ago"], hours=n % 7),
            lead=item["lead"],
            body=f"<p>{item['body']}</p><p><i>Демонстрационная новость: событие вымышлено.</i></p>",
            main_image=images[image["key"]] if image else None,
            main_image_alt=image["alt"] if image else "",
            is_press_release=item.get("press_release", False),
            for_newspaper=item.get("newspaper", False),
            search_description=item["lead"],
        )
        _inherit_owner(page, index)
        index.add_child(instance=page)
        page.tags.add(*item.get("tags", []))
        page.save_revision().publish()
        done.append(f"demo news «{item['title']}»")
    return done


def _inherit_owner(page, index):
    """The news item answers to the index's owner (whichever form ownership has on this branch)."""
    if hasattr(index, "owner_unit_id"):
        page.owner_unit_id = index.owner_unit_id
