from tests.api.conftest import _no_throttle, image, news_index  # noqa: F401 - shared fixtures
