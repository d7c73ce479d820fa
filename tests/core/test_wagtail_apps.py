"""Wagtail's redirects, snippets, documents and images apps, configured without the preview v3 API."""

import hashlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.admin.forms.models import registry as form_field_overrides
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images import get_image_model
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.images.widgets import AdminImageChooser
from wagtail.models.reference_index import ReferenceIndex
from wagtail.snippets.apps import WagtailSnippetsAppConfig
from wagtail.snippets.models import get_snippet_models

from cms.core import wagtail_apps
from cms.pages.models import SiteSettings
from cms.snippets.models import ResponsibleUnit
from tests.conftest import add_rubric

ROOT = Path(__file__).resolve().parents[2]

# sha256 (first 16 hex digits) of the upstream ready() each config in cms/core/wagtail_apps.py repeats.
UPSTREAM_READY = {
    WagtailRedirectsAppConfig: "19d1a78049d84e47",
    WagtailSnippetsAppConfig: "1ac35b5ed4034956",
    WagtailDocsAppConfig: "4cdf87a46dbf81ef",
    WagtailImagesAppConfig: "52e409385bb1ad62",
}


@pytest.mark.parametrize("upstream", list(UPSTREAM_READY), ids=lambda cls: cls.__name__)
def test_upstream_ready_is_the_one_repeated(upstream):
    digest = hashlib.sha256(inspect.getsource(upstream.ready).encode()).hexdigest()[:16]
    assert digest == UPSTREAM_READY[upstream], (
        f"Wagtail's {upstream.__name__}.ready() changed (now {digest}): bring cms/core/wagtail_apps.py in line "
        "with it, then record the new digest here."
    )


def test_the_installed_configs_are_the_projects_with_wagtails_labels():
    for label, config in [
        ("wagtailredirects", wagtail_apps.RedirectsConfig),
        ("wagtailsnippets", wagtail_apps.SnippetsConfig),
        ("wagtaildocs", wagtail_apps.DocumentsConfig),
        ("wagtailimages", wagtail_apps.ImagesConfig),
    ]:
        assert type(apps.get_app_config(label)) is config


def test_a_fresh_process_starts_without_the_v3_api_or_drf_serializers():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    script = (
        "import json, sys, django; django.setup(); "
        "print(json.dumps([m in sys.modules for m in ('wagtail.api.v3.api', 'ninja', 'rest_framework.serializers')]))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False, False, False]


def test_snippets_are_registered():
    assert ResponsibleUnit in get_snippet_models()


def test_documents_and_images_are_tracked_by_the_reference_index():
    assert ReferenceIndex.is_indexed(get_document_model())
    assert ReferenceIndex.is_indexed(get_image_model())


def test_image_foreign_keys_get_the_image_chooser():
    logo = SiteSettings._meta.get_field("logo")  # the site's logo, a ForeignKey to the image model
    assert form_field_overrides.get(logo)["widget"] is AdminImageChooser


def test_changing_a_slug_still_creates_a_redirect(home_page, django_capture_on_commit_callbacks):
    rubric = add_rubric(home_page, "Документы", "dokumenty")
    rubric.slug = "dokumenty-2"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail sends the signal on commit
        rubric.save_revision().publish()
    assert Redirect.objects.filter(old_path="/dokumenty", redirect_page=rubric).exists()
