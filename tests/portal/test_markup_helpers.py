"""Small rules the templates lean on: external links, alt text beside a heading."""

import pytest
from django.template import Context, Template

from pps_portal.templatetags.images import alt_beside
from pps_portal.templatetags.portal import is_external


@pytest.mark.parametrize(
    ("url", "external"),
    [
        ("/organizacje/opp/", False),
        ("https://localhost/organizacje/", False),  # this site under a full address
        ("https://www.gov.pl/web/rodzina", True),
        ("//www.witkac.pl/", True),
        ("mailto:ps@czestochowa.um.gov.pl", False),
        ("", False),
    ],
)
def test_only_links_to_other_sites_are_external(url, external):
    assert is_external(url) is external


def test_external_mark_tells_screen_readers_in_polish():
    html = Template("{% load portal %}{% external_mark url %}").render(Context({"url": "https://www.gov.pl/"}))
    assert html == '<span class="external-mark"><span class="visually-hidden"> (strona zewnętrzna)</span></span>'


@pytest.mark.parametrize(
    ("alt", "heading", "kept"),
    [
        ("Grafika ilustracyjna: Gala NGO 2026", "Gala NGO 2026", ""),
        ("gala ngo", "Gala NGO!", ""),
        ("Laureaci na scenie teatru", "Gala NGO 2026", "Laureaci na scenie teatru"),
        ("Gala", "Galaktyka wolontariatu", "Gala"),  # a word, not a prefix
    ],
)
def test_alt_text_that_repeats_the_heading_beside_it_is_dropped(alt, heading, kept):
    assert alt_beside(alt, heading) == kept
