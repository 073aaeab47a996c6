"""Read the whole sitemap the way a crawler does: the index, then each part."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    """Every <loc> of every sitemap listed in /sitemap.xml (parsed as XML)."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert parts, "the sitemap index lists no sitemaps"
    urls = []
    for part in parts:
        split = urlsplit(part)
        response = client.get(split.path, {"p": split.query.removeprefix("p=")} if split.query else {})
        assert response.status_code == 200, part
        urls += [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]
    return urls
