from django.utils.text import slugify


def slugify_pl(text, max_length=200):
    """A URL slug for Polish text: "Społeczny łącznik" → "spoleczny-lacznik".

    slugify() drops letters without an ASCII decomposition, and ł/Ł have
    none, so they are mapped first.
    """
    return slugify(text.replace("ł", "l").replace("Ł", "L"))[:max_length].strip("-")


def unique_slug(model, text, *, fallback, max_length=200, exclude_pk=None, field="slug"):
    """A slug for `text` not yet taken in `model`: "piknik", then "piknik-2", …

    One query for the taken slugs sharing the base. A concurrent insert can
    still take the same slug; the unique constraint on the column catches it.
    """
    base = slugify_pl(text, max_length=max_length - 4) or fallback
    taken = set(
        model._base_manager.filter(**{f"{field}__startswith": base})
        .exclude(pk=exclude_pk)
        .values_list(field, flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
