from collections import defaultdict
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from documents.forms import LibraryFilterForm
from documents.models import Document
from pps_portal.search import clean_query

PER_PAGE = 20


def with_owners(documents):
    """Set `owner` on each document: one query per kind of owner on the list
    (at most the number of kinds that take documents), not one per document."""
    by_model = defaultdict(list)
    for document in documents:
        by_model[document.content_type.model_class()].append(document)
    for model, group in by_model.items():
        if model is None:
            continue
        owners = model._base_manager.in_bulk({d.object_id for d in group})
        for document in group:
            document.owner = owners.get(document.object_id)
    return documents


@require_safe
def library(request):
    """/dokumenty/: every public document, newest first; by format, year and title."""
    public = Document.objects.public()
    years = public.order_by().annotate(year=ExtractYear("issued_on")).values_list("year", flat=True).distinct()
    form = LibraryFilterForm(request.GET, years=sorted(years, reverse=True))
    documents = public.for_listing()
    if form.file_type():
        documents = documents.filter(file_type=form.file_type())
    if form.year():
        documents = documents.filter(issued_on__year=form.year())
    query = clean_query(form.query())
    documents = documents.search(query).order_by("-rank", "-issued_on", "-pk") if query else documents
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    with_owners(page.object_list)
    filter_params = form.filter_params()
    return render(
        request,
        "documents/library.html",
        {
            "form": form,
            "page": page,
            "is_filtered": bool(filter_params),
            "query_prefix": urlencode(filter_params),
        },
    )


@require_safe
def download(request, id, filename):
    """A document's file, if it and its owner are public (staff: any document).

    Served with its detected Content-Type, `nosniff` (site-wide setting) and
    the uploader's sanitized file name; PDF opens in the browser, every other
    format is saved.
    """
    is_staff = request.user.is_authenticated and request.user.is_staff
    documents = Document.objects.all() if is_staff else Document.objects.public()
    document = documents.filter(pk=id).first()
    if document is None:
        raise Http404
    if filename != document.url_filename:
        return HttpResponsePermanentRedirect(document.get_absolute_url())
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=document.file_type != "pdf",
        filename=document.filename,
        content_type=document.mime_type,
    )
    if is_staff:
        # Editors may fetch unpublished documents: never kept by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response
