#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pps_portal.settings")
    # The same settings as the server: debug only with DJANGO_DEBUG=1 (the
    # Makefile's development targets set it). A command an operator runs
    # against production never turns debug (or demo accounts) on by itself.
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
