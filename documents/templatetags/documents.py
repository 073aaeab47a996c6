from django import template

from documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/_attached.html")
def attached_documents(owner, heading=None):
    """The owner's published documents as a list of links (one query).

    Rendered on the owner's own page, which the view shows only when the
    owner is public (or to staff previewing it), so the document's own
    state is all that is checked here.
    """
    return {
        "documents": list(Document.objects.published().attached_to(owner).defer("search_vector")),
        "heading": heading,
    }
