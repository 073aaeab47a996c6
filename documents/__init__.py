"""Dokumenty: files attached to pages, news, events (and any later kind),
listed in the library at /dokumenty/ and downloaded through a checked view.

* The format is read from the file's bytes (`documents.formats`), never its
  name; the file is stored under a random name in private storage (no URL)
  and served by `documents.views.download` with its real Content-Type, the
  uploader's (sanitized) file name and `nosniff`.
* A document is a kind of the editorial core (published / withdrawn, "widoczne
  do", history, versions) and is public only while its owner is public too
  (`Document.objects.public()`).
* Every link says what it leads to: "Regulamin konkursu (PDF, 1,2 MB)".
* A document flagged as not digitally accessible carries a short description
  and is listed in the accessibility statement.

Attaching documents to a kind of content
========================================

1. The model declares the relation; its QuerySet method that defines public
   is named (``published`` by default)::

       from documents.models import DocumentsRelation

       class GrantCall(EditorialModel, models.Model):
           ...
           documents = DocumentsRelation()            # or DocumentsRelation(public="public")

   No migration is needed (the relation has no column). Deleting a call
   deletes its documents and their files.

2. Its admin gets the inline where editors upload files::

       from documents.admin import DocumentInline

       class GrantCallAdmin(EditorialAdmin, admin.ModelAdmin):
           inlines = [DocumentInline]

3. Its public template lists them (one query), with a heading
   "Dokumenty do pobrania" (pass ``heading=`` for another)::

       {% load documents %}
       {% attached_documents call %}

The library, the statement's list of inaccessible documents and the download
view then cover the kind by themselves.
"""
