import pytest


@pytest.fixture
def sample_urls(settings):
    settings.ROOT_URLCONF = "tests.submissions.urls"
