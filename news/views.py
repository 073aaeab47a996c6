from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from news.models import Category, News
from pps_portal import languages

PAGE_SIZE = 12
OTHER_NEWS = 5


def news_list(request, slug=None):
    """Published news, pinned first then newest; optionally one category."""
    category = get_object_or_404(Category, slug=slug) if slug else None
    news = News.objects.for_listing()
    if category is not None:
        news = news.filter(category=category)
    # get_page() turns ?page=abc into page 1 and ?page=99999 into the last page.
    page = Paginator(news, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "news/list.html",
        {"page": page, "category": category, "categories": Category.objects.all()},
    )


def news_detail(request, slug):
    """An article. Staff may preview drafts and scheduled articles at the
    public URL; everyone else gets 404 until it is public."""
    news = get_object_or_404(News.objects.select_related("category", "author"), slug=slug)
    is_preview = not news.is_public
    if is_preview and not (request.user.is_authenticated and request.user.is_staff):
        raise Http404
    others = News.objects.for_listing().exclude(pk=news.pk).order_by("-published_at", "-pk")[:OTHER_NEWS]
    return render(
        request,
        "news/detail.html",
        {
            "news": news,
            "others": others,
            "is_preview": is_preview,
            "structured_data": _news_article_data(request, news),
        },
    )


def _news_article_data(request, news):
    """schema.org NewsArticle for search engines."""
    site = request.site
    publisher = {"@type": "Organization", "name": site.department_institution or site.site_name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": news.title[:110],
        "description": news.description,
        "mainEntityOfPage": request.build_absolute_uri(news.get_absolute_url()),
        "datePublished": news.published_at.isoformat() if news.published_at else None,
        "dateModified": news.updated_at.isoformat(),
        "inLanguage": languages.shown_language(news, "title"),
        "author": {"@type": "Organization", "name": site.office_name or site.site_name},
        "publisher": publisher,
    }
    if news.image_shown:
        data["image"] = [request.build_absolute_uri(news.image.url)]
    if news.category:
        data["articleSection"] = news.category.name
    return data
