"""Editor Markdown reaches the page formatted, and never as live script."""

import pytest

from provenance.markup import render_markdown


def test_markdown_is_rendered():
    html = render_markdown("**1,000** for [1,000](https://example.org)")
    assert "<strong>1,000</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<svg onload="alert(1)"></svg>',
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_dangerous_markup_is_removed(payload):
    html = render_markdown(payload).lower()
    for marker in ("<script", "onerror", "javascript:", "<svg", "onload", "<iframe"):
        assert marker not in html
