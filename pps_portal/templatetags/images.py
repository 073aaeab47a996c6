from django import template
from django.utils.html import format_html, format_html_join

from pps_portal.images import rendition_names
from pps_portal.text import repeats

register = template.Library()


@register.filter
def alt_beside(alt, heading):
    """An image's alt text where it sits beside `heading` (a card's title, a
    banner's, the site name): empty when it only repeats that text, which a
    screen reader would otherwise read twice."""
    return "" if repeats(alt, heading) else alt


@register.simple_tag
def responsive_image(field_file, alt, sizes="100vw", loading="lazy", css_class=""):
    """A <picture> with WebP and fallback srcsets, width/height and lazy loading.

    Needs the field's width_field/height_field: nothing is read from storage.
    Pass loading="eager" for an image above the fold.
    """
    if not field_file:
        return ""
    instance, field = field_file.instance, field_file.field
    width = getattr(instance, field.width_field)
    height = getattr(instance, field.height_field)
    if not width or not height:
        return ""
    storage = field_file.storage
    renditions = rendition_names(field_file.name, width)
    webp_srcset = format_html_join(", ", "{} {}w", ((storage.url(webp), w) for w, webp, _ in renditions))
    fallback_srcset = format_html_join(", ", "{} {}w", ((storage.url(fb), w) for w, _, fb in renditions))
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" decoding="async"{}>'
        "</picture>",
        webp_srcset,
        sizes,
        field_file.url,
        fallback_srcset,
        sizes,
        width,
        height,
        alt,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
    )
