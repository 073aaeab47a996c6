"""Informacje: the department's standing information pages (a tree under
/informacje/), the easy-to-read text (/tekst-latwy-do-czytania/) and the
Polish Sign Language page (/jezyk-migowy/).

Pages are a kind of the editorial core (states, history, versions,
scheduled publishing and expiry) and carry documents (documents app).
Moving or renaming a page keeps every old address of it and of its
children answering with a 301 (pps_portal.redirects).

Why a parent link plus stored paths, not django-treebeard or django-mptt:
the address of a page *is* its path of slugs, so storing it makes the page
lookup one indexed query and the breadcrumb one more (ancestor ids), and a
move is one transaction in our own save() that rewrites the subtree and
records its redirects. A tree library would add its own opaque path beside
ours, its own move() that bypasses save(), and an admin whose scripts our
Content-Security-Policy would have to loosen — for at most a few hundred
pages.
"""
