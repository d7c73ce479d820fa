#!/usr/bin/env python
import gc
import os
import sys

if __name__ == "__main__":
    # Start-up only builds long-lived objects: the cyclic collector has nothing to free until it is over
    # (cms.core's AppConfig.ready() switches it back on, see there).
    gc.disable()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
