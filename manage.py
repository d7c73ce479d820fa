#!/usr/bin/env python
import gc
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django
    from django.core.management import execute_from_command_line

    # Start-up builds only long-lived objects (modules, models, URL and template machinery): the cyclic collector
    # has nothing to free during it, and once frozen it no longer walks them at each full collection and at exit
    # (a short command such as `check_links --incremental` starts in 0.5 s instead of 0.75 s). Only here and in
    # cms/wsgi.py, the two entry points; nothing in the apps depends on it. execute_from_command_line()'s own
    # django.setup() then finds the apps ready.
    gc.disable()
    try:
        django.setup()
    finally:
        gc.freeze()
        gc.enable()
    execute_from_command_line(sys.argv)
