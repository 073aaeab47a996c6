class PagePathConverter:
    """A page's address: slugs separated by slashes ("ekonomia-spoleczna/cis").

    Anything else never reaches the database (a NUL byte would be a 500)."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
