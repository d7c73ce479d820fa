import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

# As in manage.py: no cyclic collection while start-up builds long-lived objects, which are then frozen so later
# collections in each worker never walk them.
gc.disable()
try:
    application = get_wsgi_application()
finally:
    gc.freeze()
    gc.enable()
