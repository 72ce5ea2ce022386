"""Editor Markdown reaches the page formatted, and never as live script."""

import pytest

from provenance.markup import markdown_to_text, render_markdown


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


def test_plain_text_keeps_paragraphs_lists_and_link_addresses():
    text = markdown_to_text(
        "Swap of **1,000** for 1,000, per [Reuters](https://reuters.example/a?b=1&c=2).\n\n"
        "1. prisoners of war\n2. civilians\n\nA <script>alert(1)</script> &amp; end"
    )
    assert text == (
        "Swap of 1,000 for 1,000, per Reuters <https://reuters.example/a?b=1&c=2>.\n\n"
        "- prisoners of war\n- civilians\n\nA & end"
    )


# As editors write a round's outcomes: a bold line, then the list on the very next line, an
# item running on to an indented line.
OUTCOMES = (
    "Talks ended.\n\n**Outcomes**\n- an exchange, **1,000 for 1,000**;\n- a second item that\n"
    " runs on;\n- a third.\n\nAfter the list."
)


def test_a_list_right_under_a_line_of_text_is_a_list_not_one_run_on_paragraph():
    html = render_markdown(OUTCOMES)
    assert "<p><strong>Outcomes</strong></p>" in html
    assert html.count("<li>") == 3
    assert "<li>a second item that\n runs on;</li>" in html
    assert "<p>After the list.</p>" in html


def test_a_list_under_a_line_of_text_is_one_line_per_item_in_plain_text():
    assert markdown_to_text(OUTCOMES) == (
        "Talks ended.\n\nOutcomes\n\n- an exchange, 1,000 for 1,000;\n"
        "- a second item that runs on;\n- a third.\n\nAfter the list."
    )


def test_a_dash_inside_a_line_and_fenced_code_are_left_alone():
    html = render_markdown("Kyiv - Moscow talks\n```\ncode\n- not a list\n```")
    assert "<li>" not in html


def test_nothing_of_one_text_carries_into_the_next():
    """Each thread reuses one Markdown converter: a link reference defined in one editor's text
    must not resolve in another's, and the same text gives the same HTML whenever it comes."""
    convert = render_markdown.__wrapped__  # without the cache, through the shared converter
    defines = "Intro.\n\n[ref]: https://elsewhere.example/\n"
    uses = "See [the source][ref]."
    first = convert(uses)
    convert(defines)
    assert convert(uses) == first
    assert "elsewhere.example" not in first
    assert render_markdown(uses) == render_markdown(uses) == first
