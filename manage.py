#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pps_portal.settings")
    # manage.py is the developer's entry point: debug on unless said otherwise.
    # Production serves through wsgi.py, where DEBUG defaults to off, and sets
    # DJANGO_DEBUG=0 for its commands too.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
