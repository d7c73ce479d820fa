import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    """The «did you mean» vocabulary is cached for ten minutes; each test's site has its own words."""
    cache.clear()
    yield
    cache.clear()
