import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from transparency_blocks.blocks import TransparencyStreamBlock


@pytest.fixture
def make_document(db):
    def make(title="Положение о комиссии", filename="polozhenie.pdf", size=1_258_291):
        document = Document(title=title)
        document.file.save(filename, ContentFile(b"%" * size), save=False)
        document.save()
        return document

    return make


@pytest.fixture
def make_image(db):
    def make(title="Портрет"):
        buffer = io.BytesIO()
        PILImage.new("RGB", (60, 80), (200, 120, 40)).save(buffer, format="PNG")
        return Image.objects.create(title=title, file=ImageFile(buffer, name="portrait.png"))

    return make


@pytest.fixture
def render_stream():
    """Render a body given in the JSON form stored in the database, as InformationPage does."""

    def render(*items, context=None):
        block = TransparencyStreamBlock()
        value = block.to_python([{"type": name, "value": raw} for name, raw in items])
        return block.render(value, context=context)

    return render
