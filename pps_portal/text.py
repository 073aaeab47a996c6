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


# No-break space: "1 250 000,00 zł" must never wrap between digits or before "zł".
NBSP = "\u00a0"


def format_pln(amount):
    """An amount in złoty as Polish readers write it: "1 250 000,00 zł".

    Groups of three digits separated by a no-break space, a decimal comma,
    always two decimals, a no-break space before "zł". The one formatter
    for money on pages, in feeds and in .ics files.
    """
    if amount is None:
        return ""
    text = f"{amount:,.2f}".replace(",", NBSP).replace(".", ",")
    return f"{text}{NBSP}zł"


def _words(text):
    return " ".join("".join(c if c.isalnum() else " " for c in str(text).casefold()).split())


def repeats(text, other):
    """Does `text` say `other` again (or the other way round)?

    Case, punctuation and spacing are ignored: "Grafika: Gala NGO!" repeats
    "gala ngo". Used for an image's alt text beside its own heading, which a
    screen reader would otherwise read twice.
    """
    text, other = f" {_words(text)} ", f" {_words(other)} "
    return bool(text.strip() and other.strip()) and (text in other or other in text)
