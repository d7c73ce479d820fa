import pytest


@pytest.fixture(scope="package", autouse=True)
def _sample_submission_table(django_db_setup, django_db_blocker):
    """The table of the test-only submission type (sample.py), present only while this package's tests run.

    The model is unmanaged, so no flush or serialisation elsewhere looks for it; the table is dropped again
    because its foreign key to auth_user would stop PostgreSQL truncating that table in transactional tests.
    """
    from django.db import connection

    from .sample import SampleSubmission

    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(SampleSubmission)
    yield
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.delete_model(SampleSubmission)


@pytest.fixture
def sample_urls(settings):
    settings.ROOT_URLCONF = "tests.submissions.urls"
