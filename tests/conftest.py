import pytest

from cms.pages.site_root import ensure_home_page


@pytest.fixture
def home_page(db):
    """The site's HomePage, served as the default site's root."""
    return ensure_home_page()
