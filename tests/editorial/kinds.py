"""Every kind of content on the editorial core, and how to make one in a given state.

The table tests run over all of them: a new kind adds a line here.
"""

import datetime

from django.utils import timezone

from editorial.states import State
from news.models import News
from pps_portal.models import Banner
from tests.news.factories import NewsFactory


def make_news(state, transition=None):
    published_at = timezone.now() - datetime.timedelta(hours=1) if state == State.PUBLISHED else None
    return NewsFactory(status=state, published_at=published_at)


def make_banner(state, transition=None):
    return Banner.objects.create(title=f"Baner ({state})", url="/organizacje/", status=state)


# name → (model, make(state, transition_name) → an object in `state` for which
# the transition's guard (if any) passes)
KINDS = {
    "news": (News, make_news),
    "banner": (Banner, make_banner),
}


def row(obj):
    """Every stored column of the object, fresh from the database."""
    fresh = type(obj)._base_manager.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in type(obj)._meta.concrete_fields}
