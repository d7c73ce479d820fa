"""cms/urls.py: the site's URLs as `make run` serves them (DEBUG on) and as production does."""

import importlib.util
import sys

import pytest
from django.urls import clear_url_caches

import cms.urls


@pytest.fixture
def debug_urls(settings, monkeypatch):
    """cms/urls.py imported afresh with DEBUG on (its media and static patterns included), as the site's URLconf."""
    settings.DEBUG = True
    spec = importlib.util.spec_from_file_location("tests._debug_urls", cms.urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, "tests._debug_urls", module)
    settings.ROOT_URLCONF = "tests._debug_urls"
    clear_url_caches()
    yield module
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_favicon_redirects_to_the_static_icon(client, home_page, request, debug):
    if debug:
        request.getfixturevalue("debug_urls")
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico") and "/static/" in response["Location"]
