import gc
import os

# As in manage.py: no cyclic collection during start-up; cms.core's AppConfig.ready() switches it back on.
gc.disable()

from django.core.wsgi import get_wsgi_application  # noqa: E402 -- after the collector is off

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_wsgi_application()
