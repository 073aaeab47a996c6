"""Ukrainian and English versions of grant calls' texts (dates, amounts and documents are the same)."""

from modeltranslation.translator import TranslationOptions, register

from grants.models import GrantCall


@register(GrantCall)
class GrantCallTranslation(TranslationOptions):
    fields = ("title", "application_info", "description")
