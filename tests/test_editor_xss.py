"""Markdown saved through the admin reaches pages formatted, never as live script or styles."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from provenance.markup import ALLOWED_TAGS, render_markdown
from tests.admin_forms import form_data
from tests.factories import DelegationFactory, PersonFactory, RoundFactory, SourceFactory

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#x0A;script:alert(1)">x</a>',
    '<a href="&#x09;javascript:alert(1)">x</a>',
    "[x](java&#x09;script:alert(1))",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    '![x](x" onerror="alert(1))',
    "![x](javascript:alert(1))",
    '<https://ok.example/" onmouseover="alert(1)>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<details open ontoggle="alert(1)">x</details>',
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<<script>script>alert(1)<</script>/script>",
    '<img src="x" alt="`<script>alert(1)</script>`">',
    "`<script>alert(1)</script>` stays code",
]

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "object", "embed", "form", "meta", "base", "link",
    "svg", "math", "img", "details", "input", "button", "textarea", "video", "audio",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}
# The page's own controls, exactly as templates/includes/cite_this_page.html writes them: the
# citation's read-only text area (it holds the page title, escaped), its copy button and the
# script file that wires the button.
SITE_OWN_CONTROLS = [
    ("script", [("src", "/static/js/cite.js"), ("defer", None)]),
    (
        "textarea",
        [("id", "cite-page-text"), ("class", "cite-page-text"), ("readonly", None), ("rows", "5")],
    ),
    (
        "button",
        [
            ("type", "button"),
            ("class", "cite-page-copy"),
            ("data-copy", "cite-page-text"),
            ("hidden", None),
        ],
    ),
]


class ElementCollector(HTMLParser):
    """Every element and attribute as a browser's tokenizer sees them (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_inert(html: str) -> None:
    """No element that runs or loads anything, no handler, style or script URL on any element."""
    collector = ElementCollector()
    collector.feed(html)
    for tag, attrs in collector.elements:
        if (tag, attrs) in SITE_OWN_CONTROLS:
            continue
        assert tag not in FORBIDDEN_TAGS, f"<{tag}> survived in {html!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name}= survived in {html!r}"
            assert name != "style", f"style= survived in {html!r}"
            if name in URL_ATTRIBUTES:
                # As a browser's URL parser does: drop tabs and newlines anywhere, and leading
                # spaces and control characters ("java\tscript:" is javascript:).
                squeezed = re.sub(r"[\t\n\r]", "", value or "").lstrip("\x00 ").lower()
                squeezed = re.sub(r"^[\x00-\x20]+", "", squeezed)
                assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), html


def test_the_payload_set_is_big_enough():
    assert len(PAYLOADS) >= 20


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_markdown_makes_each_payload_inert(payload):
    assert_inert(render_markdown(payload))
    assert_inert(render_markdown(f"Intro **bold**\n\n{payload}\n\nOutro"))


def test_markdown_still_formats_links_and_code():
    html = render_markdown("[Reuters](https://reuters.example) and `<script>`")
    assert (
        '<a href="https://reuters.example" rel="noopener noreferrer nofollow">Reuters</a>' in html
    )
    assert "<code>&lt;script&gt;</code>" in html


def main_of(response) -> str:
    assert response.status_code == 200
    # The main content and the "Cite this page" block after it, which repeats the page title.
    return response.content.decode().split('<main id="main">')[1].split("<footer")[0]


@pytest.mark.django_db
def test_payloads_saved_through_the_admin_are_inert_on_every_page_showing_them(
    publisher_client,
):
    """Each payload goes into a round summary and a biography through the admin's own forms,
    then every page that shows them is checked: the staff preview, the home page, and the
    round and person pages."""
    source = SourceFactory()
    round_ = RoundFactory(title="Round <b>four</b>")
    person = PersonFactory(name="Person <i>X</i>")
    DelegationFactory(round=round_)
    round_url = reverse("admin:talks_round_change", args=[round_.pk])
    person_url = reverse("admin:actors_person_change", args=[person.pk])
    for obj in (round_, person):
        obj.sources.add(source)
    pages = ["/", round_.get_absolute_url(), person.get_absolute_url()]
    for obj in (round_, person):
        opts = obj._meta
        pages.append(reverse("public:preview", args=[opts.app_label, opts.model_name, obj.pk]))
    for payload in PAYLOADS:
        for url, form_id, field in [
            (round_url, "round_form", "summary"),
            (person_url, "person_form", "biography"),
        ]:
            data = form_data(publisher_client.get(url), form_id)
            assert publisher_client.post(url, {**data, field: payload}).status_code == 302
        round_.refresh_from_db()
        assert round_.summary == payload.replace("\r", "")
        for page in pages:
            assert_inert(main_of(publisher_client.get(page)))
    # Titles are escaped, not interpreted.
    assert "Person &lt;i&gt;X&lt;/i&gt;" in main_of(publisher_client.get(pages[-1]))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_payloads_use_only_the_allowed_tags(payload):
    collector = ElementCollector()
    collector.feed(render_markdown(payload))
    assert {tag for tag, _ in collector.elements} <= ALLOWED_TAGS


@pytest.mark.django_db
def test_markup_in_titles_is_escaped_on_the_home_page(client):
    RoundFactory(title='<script>alert(1)</script><img src=x onerror="alert(1)">')
    page = client.get("/").content.decode()
    main = page.split('<main id="main">')[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main
    assert_inert(main)
