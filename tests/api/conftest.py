import io
import itertools

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.news.models import NewsIndexPage, NewsPage

_SLUGS = itertools.count(1)


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    """Throttling has its own test; elsewhere many requests from one address must not be refused."""
    settings.API_ANON_THROTTLE_RATE = None
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "zato-sibirsky.ru", "example.org"]


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPage(title="Новости", slug="novosti")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_image(title="Площадь", size=(640, 480)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 160)).save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="square.png")
    image.save()
    return image


def make_document(title="Решение", content=b"%PDF-1.4 " + b"x" * 2038, name="reshenie.pdf", collection=None):
    document = get_document_model()(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def make_news(index, title="Открыт каток", *, slug=None, newspaper=True, publish=True, **fields):
    page = NewsPage(
        title=title,
        slug=slug or f"n-{next(_SLUGS)}",
        lead=fields.pop("lead", "Каток работает ежедневно."),
        body=fields.pop("body", "<p>Прокат коньков у входа.</p>"),
        for_newspaper=newspaper,
        **fields,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        NewsPage.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


@pytest.fixture
def image(db):
    return make_image()
