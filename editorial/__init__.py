"""Redakcja: the editorial core every kind of content uses.

One set of states (`editorial.states.State`), one table of allowed
transitions per kind (`editorial.workflow.Workflow`), one service that
performs them (`editorial.services.transition` / `transition_many`), one
history per object (`editorial.models.HistoryEntry`), versions with compare
and restore (django-reversion, `editorial.versions`), scheduled publishing
and expiry with no job (`Workflow.public_q`), and the admin that offers
exactly what the table allows (`editorial.admin.EditorialAdmin`).

This package imports no content app; content apps import it.

How to add a kind
=================

1. The model: the `EditorialModel` mixin, a `Workflow` with its transitions,
   the state column from the workflow, the moderate permission, and (if it
   expires) the shared "widoczne do" field; its QuerySet extends
   `EditorialQuerySet`, whose `published()` is the one definition of public::

       from editorial import versions
       from editorial.fields import visible_until_field
       from editorial.states import State
       from editorial.workflow import (
           EditorialModel, EditorialQuerySet, Workflow, publish_step, withdraw_step)

       class PageQuerySet(EditorialQuerySet):
           pass  # .published() comes from the workflow

       class Page(EditorialModel, models.Model):
           workflow = Workflow(
               states=[State.DRAFT, State.PUBLISHED, State.WITHDRAWN],
               initial=State.DRAFT,
               schedule_field="published_at",   # optional: public from then on
               expiry_field="visible_until",    # optional: public until then
               counted=ngettext_lazy("%(count)d stronę", "%(count)d stron", "count"),
               transitions=[
                   publish_step([State.DRAFT, State.WITHDRAWN]),
                   withdraw_step([State.PUBLISHED]),
               ],
           )
           status = workflow.state_field_definition()
           published_at = models.DateTimeField(null=True, blank=True)
           visible_until = visible_until_field()
           objects = PageQuerySet.as_manager()

           class Meta:
               permissions = [("moderate_page", "Może publikować i wycofywać strony")]

       versions.register(Page)   # every save through the core keeps a version

   A kind with a picture extends `pps_portal.models.ImageWithAltText`
   (picture, size, alt text, its constraint and check) instead of
   `models.Model`, and lists `*ImageWithAltText.Meta.constraints` in its own.

   `counted` is accusative ("Opublikowano 3 strony", "Pominięto 1 stronę"):
   add its Polish plural forms to locale/pl/LC_MESSAGES/django.po.
   `publish_step`, `withdraw_step` and `reject_step` are the usual steps
   (any field can be overridden: `label=`, `reason_help=`…); anything else
   is a `Transition(name, label, done=…, sources=…, target=…)`, e.g. an
   event's "cancel" or a grant call's "unieważnij" into State.CANCELLED.
   A transition may name a `guard` (why it is refused, beyond the state),
   an `effect` (more writes in the same transaction) and a `notify` hook
   (after commit), as callables or dotted paths into the app's services.
   `manage.py check` reports a missing permission or a state column that
   is not the workflow's.

2. The admin: `class PageAdmin(EditorialAdmin, admin.ModelAdmin)`; put
   "state_display" in its fieldsets and `state = state_column()` in
   `list_display`. Buttons, bulk actions, confirmation pages, history,
   compare and restore follow from the table.

3. Permissions: a data migration granting `app.moderate_page` (and the
   usual add/change/view) to the Editor and Reviewer groups with
   `pps_portal.permissions.editor_permissions_operation` /
   `reviewer_permissions_operation`.

4. Tests: add the kind to `tests/editorial/kinds.py`; the table, history and
   permission tests then cover it.

Everything that changes a state calls `services.transition(obj, "publish",
actor=request.user, reason=...)` (or `transition_many` for a selection) and
catches `services.TransitionRefused`, whose `message` is Polish and says why.
Never assign the state column yourself (except when creating a record in its
initial state, or in demo data and data migrations).

Decisions
=========

* Stored states are those a person decides (see `editorial.states`);
  "scheduled" and "expired" follow from the stored times and the clock, so
  publishing and expiry happen at their minute with no cron job, in every
  query that asks for public content.
* A restore brings back content, not the state or the publication window
  (`published_at`, "widoczne do"): those change only through transitions
  and the form, so a restore can never publish or unpublish by surprise.
  References deleted since (an area, a category) are left as they are now
  and the editor is told.
* django-reversion keeps versions in one generic table (a kind registers
  with one line; no shadow table and migration per model), serialized with
  Django's serializers so old versions survive later schema changes, and
  versions are saved explicitly by the core (one version per history entry).
"""
