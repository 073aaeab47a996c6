"""The states a piece of content can be in: one set for every kind.

Stored (in each kind's `status` column), changed only by
`editorial.services.transition`:

    draft        szkic: being written, never public
    pending      oczekuje: sent through a public form, waiting for an editor
    in_progress  w trakcie: a submission an editor has taken on
    published    opublikowane: public (within its time window, see below)
    cancelled    odwołane: still public, marked as cancelled (events, grant calls)
    withdrawn    wycofane: was public, taken down by an editor
    approved     zatwierdzone: a submission accepted (its content published)
    rejected     odrzucone: refused, with a reason kept on the record
    done         załatwione: a message or error report handled

Derived from the clock, never stored: *scheduled* (published, its
publication time still ahead) and *expired* (published, its "widoczne do"
time passed). A stored "scheduled" would need a job to flip it at the right
minute, and between runs the database would say one thing and the clock
another; comparing stored times with now() in the query that defines
"public" makes the item appear and disappear at exactly its minute, in
every worker and every cached query, with no cron job. See
`Workflow.public_q()`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("szkic")
    PENDING = "pending", _("oczekuje")
    IN_PROGRESS = "in_progress", _("w trakcie")
    PUBLISHED = "published", _("opublikowane")
    CANCELLED = "cancelled", _("odwołane")
    WITHDRAWN = "withdrawn", _("wycofane")
    APPROVED = "approved", _("zatwierdzone")
    REJECTED = "rejected", _("odrzucone")
    DONE = "done", _("załatwione")


# Labels of the two states that follow from the clock (see the module docstring).
SCHEDULED_LABEL = _("zaplanowane")
EXPIRED_LABEL = _("wygasłe")

# Long enough for every value above; the column of every kind.
STATE_MAX_LENGTH = 20
