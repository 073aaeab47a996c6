from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from pages.models import EasyReadText, Page, SignLanguagePage
from pps_portal.languages import SEARCH_COLUMNS


def _is_staff(request):
    return request.user.is_authenticated and request.user.is_staff


@require_safe
def index(request):
    """/informacje/: the top-level pages, each with its public children."""
    public = Page.objects.published().for_listing()
    sections = list(public.filter(parent__isnull=True).in_order())
    children = {}
    for child in public.filter(parent__in=sections).in_order():
        children.setdefault(child.parent_id, []).append(child)
    for section in sections:
        section.public_children = children.get(section.pk, [])
    return render(request, "pages/index.html", {"sections": sections})


@require_safe
def detail(request, path):
    """A page with its breadcrumb, children, section navigation and documents.

    Public when it and every page above it are public; staff may preview
    any page at its address ("Podgląd — nieopublikowane").
    """
    page = get_object_or_404(Page.objects.defer("body_text", *SEARCH_COLUMNS), path=path)
    ancestors = []
    if page.ancestor_ids:
        by_id = Page.objects.for_listing().in_bulk(page.ancestor_ids)
        ancestors = [by_id[pk] for pk in page.ancestor_ids if pk in by_id]
    is_public = page.is_public and all(ancestor.is_public for ancestor in ancestors)
    if not is_public and not _is_staff(request):
        raise Http404
    public = Page.objects.published().for_listing().in_order()
    siblings = public.filter(parent=page.parent_id) if page.parent_id else public.filter(parent__isnull=True)
    return render(
        request,
        "pages/detail.html",
        {
            "page": page,
            "ancestors": ancestors,
            "parent": ancestors[-1] if ancestors else None,
            "children": list(public.filter(parent=page)),
            "siblings": list(siblings),
            "is_preview": not is_public,
        },
    )


@require_safe
def easy_read(request):
    """Tekst łatwy do czytania (ETR)."""
    return render(request, "pages/easy_read.html", {"text": EasyReadText.load()})


@require_safe
def sign_language(request):
    """Informacje w polskim języku migowym: the video with captions and a
    transcript, and how deaf people can contact the department."""
    return render(request, "pages/sign_language.html", {"pjm": SignLanguagePage.load()})
