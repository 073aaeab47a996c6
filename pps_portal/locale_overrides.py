"""Messages of Django admin and django-axes that our Polish catalogue corrects.

Django's Polish admin catalogue "translates" the breadcrumb navigation's name
as "Breadcrumbs"; django-axes marks several Polish entries fuzzy (so they are
not compiled) or leaves them out, and editors saw "Access failures" on a
Polish page. locale/pl/LC_MESSAGES/django.po gives their Polish (the project's
catalogue wins over the packages'). Listing them here keeps them in that
catalogue when makemessages runs, and in any new language's.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # django.contrib.admin
    gettext_noop("Breadcrumbs"),
    # django-axes
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Locked Out"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Cleaned up {count} expired access attempts."),
    gettext_noop("Not set"),
    gettext_noop("User Agent"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Session key hash (sha256)"),
]
