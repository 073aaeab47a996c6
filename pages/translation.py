"""Ukrainian and English versions of information pages and the easy-to-read text."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import EasyReadText, Page


@register(Page)
class PageTranslation(TranslationOptions):
    # body_text is derived from each language's body on save (search).
    fields = ("title", "lead", "body", "body_text")


@register(EasyReadText)
class EasyReadTextTranslation(TranslationOptions):
    fields = ("title", "body")
