from pps_portal.sanitize import html_to_text, sanitize_html


def test_script_tags_are_removed_with_their_content():
    assert sanitize_html("<p>a<script>alert(1)</script>b</p>") == "<p>ab</p>"


def test_event_handler_attributes_are_removed():
    assert sanitize_html('<img src="/media/a.jpg" alt="A" onerror="alert(1)">') == '<img src="/media/a.jpg" alt="A">'


def test_javascript_and_data_urls_are_removed():
    cleaned = sanitize_html('<a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AAAA" alt="">')
    assert "javascript:" not in cleaned and "data:" not in cleaned


def test_style_attributes_and_elements_are_removed():
    assert sanitize_html('<p style="color:red">x</p><style>p{}</style>') == "<p>x</p>"


def test_allowed_formatting_survives():
    html = (
        "<h2>Nagłówek</h2><p><strong>b</strong> <em>i</em></p><ul><li>jeden</li></ul>"
        "<ol><li>dwa</li></ol><blockquote><p>cytat</p></blockquote>"
        '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
        '<figure class="image"><img src="/media/editor/a.jpg" alt="Opis"></figure>'
    )
    assert sanitize_html(html) == html


def test_links_keep_their_address_and_get_safe_rel():
    assert sanitize_html('<a href="https://example.pl/">x</a>') == (
        '<a href="https://example.pl/" rel="noopener noreferrer">x</a>'
    )


def test_plain_text_separates_blocks_and_unescapes_entities():
    assert html_to_text("<p>Ala &amp; kot</p><p>Dom</p>") == "Ala & kot Dom"
