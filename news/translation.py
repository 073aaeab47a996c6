"""Ukrainian and English versions of news (django-modeltranslation: columns beside the Polish ones)."""

from modeltranslation.translator import TranslationOptions, register

from news.models import Category, News


@register(News)
class NewsTranslation(TranslationOptions):
    # body_text is derived from each language's body on save (search, headlines).
    fields = ("title", "lead", "body", "body_text")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
