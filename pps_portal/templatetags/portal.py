from django import template

from pps_portal.models import Banner

register = template.Library()


@register.inclusion_tag("includes/banners.html")
def banners():
    """The side column's link banners (one query)."""
    return {"banners": list(Banner.objects.active())}
