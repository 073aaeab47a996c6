"""Polish wording of repeat rules ("co drugi tydzień, we wtorki i czwartki")."""

from django.utils.dateformat import format as format_date
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from calendar_app import recurrence

# "w poniedziałki", … : weekly series
WEEKDAYS_PLURAL = [
    gettext_lazy("poniedziałki"),
    gettext_lazy("wtorki"),
    gettext_lazy("środy"),
    gettext_lazy("czwartki"),
    gettext_lazy("piątki"),
    gettext_lazy("soboty"),
    gettext_lazy("niedziele"),
]
# "w drugi wtorek", "w ostatnią sobotę": monthly series, accusative
WEEKDAYS_ACCUSATIVE = [
    gettext_lazy("poniedziałek"),
    gettext_lazy("wtorek"),
    gettext_lazy("środę"),
    gettext_lazy("czwartek"),
    gettext_lazy("piątek"),
    gettext_lazy("sobotę"),
    gettext_lazy("niedzielę"),
]
# The grammatical gender of each weekday's name in the page's language chooses
# the ordinal's form: Polish "w drugą środę" but "w drugi piątek", Ukrainian
# "у другу п'ятницю" (п'ятниця is feminine). Each catalogue answers "f" or "m".
WEEKDAY_GENDERS = [
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "m (poniedziałek)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "m (wtorek)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "f (środa)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "m (czwartek)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "m (piątek)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "f (sobota)"),
    pgettext_lazy("grammatical gender of the weekday's name, m or f", "f (niedziela)"),
]
ORDINALS_MASCULINE = {
    1: gettext_lazy("pierwszy"),
    2: gettext_lazy("drugi"),
    3: gettext_lazy("trzeci"),
    4: gettext_lazy("czwarty"),
    -1: gettext_lazy("ostatni"),
}
ORDINALS_FEMININE = {
    1: gettext_lazy("pierwszą"),
    2: gettext_lazy("drugą"),
    3: gettext_lazy("trzecią"),
    4: gettext_lazy("czwartą"),
    -1: gettext_lazy("ostatnią"),
}
# "co drugi tydzień / miesiąc" for intervals 2–12
INTERVAL_ORDINALS = {
    2: gettext_lazy("drugi"),
    3: gettext_lazy("trzeci"),
    4: gettext_lazy("czwarty"),
    5: gettext_lazy("piąty"),
    6: gettext_lazy("szósty"),
    7: gettext_lazy("siódmy"),
    8: gettext_lazy("ósmy"),
    9: gettext_lazy("dziewiąty"),
    10: gettext_lazy("dziesiąty"),
    11: gettext_lazy("jedenasty"),
    12: gettext_lazy("dwunasty"),
}


def describe_rule(event):
    """The event's repeat rule in Polish, or "" for a single event."""
    rule = event.rule
    if rule is None:
        return ""
    first = recurrence.local_naive(event.first_bounds()[0])
    if rule.frequency == recurrence.WEEKLY:
        if rule.interval == 1:
            text = _("co tydzień")
        else:
            text = _("co %(ordinal)s tydzień") % {"ordinal": INTERVAL_ORDINALS[rule.interval]}
        days = [str(WEEKDAYS_PLURAL[d]) for d in rule.effective_weekdays(first)]
        preposition = _("we") if rule.effective_weekdays(first)[0] in (1,) else _("w")
        text += f", {preposition} {get_text_list(days, _('i'))}"
    else:
        if rule.interval == 1:
            text = _("co miesiąc")
        else:
            text = _("co %(ordinal)s miesiąc") % {"ordinal": INTERVAL_ORDINALS[rule.interval]}
        if rule.monthly_by == recurrence.BY_WEEKDAY:
            weekday = first.weekday()
            n = recurrence.week_of_month(first)
            ordinals = ORDINALS_FEMININE if str(WEEKDAY_GENDERS[weekday]).startswith("f") else ORDINALS_MASCULINE
            text += ", " + _("w %(ordinal)s %(weekday)s miesiąca") % {
                "ordinal": ordinals[n],
                "weekday": WEEKDAYS_ACCUSATIVE[weekday],
            }
        else:
            text += ", " + _("%(day)s. dnia miesiąca") % {"day": first.day}
    if rule.until is not None:
        text += " " + _("do %(date)s") % {"date": format_date(rule.until, "j E Y")}
    return text
