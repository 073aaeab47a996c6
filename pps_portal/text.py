from django.utils.text import slugify


def slugify_pl(text, max_length=200):
    """A URL slug for Polish text: "Społeczny łącznik" → "spoleczny-lacznik".

    slugify() drops letters without an ASCII decomposition, and ł/Ł have
    none, so they are mapped first.
    """
    return slugify(text.replace("ł", "l").replace("Ł", "L"))[:max_length].strip("-")
