"""Ukrainian and English versions of events' texts (places, organizers and dates are the same)."""

from modeltranslation.translator import TranslationOptions, register

from calendar_app.models import Event, EventCategory


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(EventCategory)
class EventCategoryTranslation(TranslationOptions):
    fields = ("name",)
