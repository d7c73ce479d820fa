import pytest
from django.db import connection

from .sample import SampleSubmission


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The sample type lives only in tests: create its table once, outside any test transaction.
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(SampleSubmission)
    yield


@pytest.fixture
def sample_urls(settings):
    settings.ROOT_URLCONF = "tests.submissions.urls"
