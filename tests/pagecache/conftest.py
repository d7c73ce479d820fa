import pytest

from tests.councils.conftest import councils_site  # noqa: F401 - shared fixture


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The cache is off in the test settings (tests measure rendering); here it is what is tested."""
    settings.CITIZEN_PAGE_CACHE = True


def served(client, path, **headers):
    """The response and how the page cache answered it (hit, miss or bypass)."""
    response = client.get(path, headers=headers)
    return response, response.get("X-Page-Cache")
