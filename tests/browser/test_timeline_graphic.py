"""The timeline graphic on a phone: readable labels, every dot reachable by tap and keyboard."""

import re

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}

# The rendered size of each text of the graphic in CSS px: its font size times the scale of its
# coordinate system on screen (1 without a viewBox; a viewBox would shrink it on a phone).
RENDERED_FONT_SIZES = """
[...document.querySelectorAll('.timeline-chart__svg text')].map(
  t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a
)
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
def test_graphic_is_readable_and_every_dot_reachable_on_a_phone(
    live_server, phone, istanbul_record, screenshot_dir
):
    phone.goto(live_server.url + "/timeline/?order=newest")
    graphic = phone.locator(".timeline-chart__svg")
    expect(graphic).to_be_visible()
    graphic.screenshot(path=str(screenshot_dir / "timeline-graphic-390.png"))

    sizes = phone.evaluate(RENDERED_FONT_SIZES)
    assert sizes
    assert min(sizes) >= 12, sizes
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The scale starts at the talks: May 2025 is the first month labelled, 2022 only a link.
    expect(graphic.locator("text").filter(has_text="May 2025").first).to_be_visible()
    expect(graphic.locator(".timeline-chart__earlier")).to_contain_text(
        "1 earlier entry, from 24 February 2022"
    )

    # Keyboard: Tab reaches the dots; the one in focus shows its date and title in the picture.
    for _ in range(80):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('timeline-chart__dot')"):
            break
    focused = phone.locator(".timeline-chart__dot:focus")
    expect(focused.locator(".timeline-chart__caption")).to_be_visible()
    caption = focused.locator(".timeline-chart__caption").bounding_box()
    svg = graphic.bounding_box()
    assert caption["x"] >= svg["x"]
    assert caption["x"] + caption["width"] <= svg["x"] + svg["width"]
    expect(focused.locator(".timeline-chart__caption")).to_contain_text(
        "16 May 2025Round 1: First round in Istanbul"
    )

    # Tap: a dot opens its entry.
    dot = phone.locator('.timeline-chart__dot[href="/rounds/2/"] circle.marker')
    dot.tap()
    expect(phone).to_have_url(re.compile(r"/rounds/2/$"))
