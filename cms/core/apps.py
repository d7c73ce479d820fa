import gc

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Project tooling")

    def ready(self):
        # Last in INSTALLED_APPS, so start-up is over here. What it built (modules, models, URL and template
        # machinery) lives as long as the process: frozen, the cyclic collector stops walking it at every full
        # collection and at exit, which was a third of a short command's run time. manage.py and wsgi.py switch
        # the collector off during start-up; from here on it runs as usual.
        gc.freeze()
        gc.enable()
