"""Every page type a reader can open, on a phone (390×844) and a desktop (1280×900), in Chromium.

Each page of reader_pages.reader_pages() (every route of public/urls.py with a real example from
the Istanbul record, plus /data/, /api/docs/, a search and the filtered timeline) is opened once
per width, screenshotted whole into test-output/screenshots/ for people to look at, and measured;
the tests below then each hold every page to one part of the bar, listing every page that fails
it rather than stopping at the first. The screenshot shows the page as it opens; the measures
after it are taken with every <details> opened, as a reader may:

- nothing pushes the page sideways (named: the outermost element past the right edge);
- chart text is at least 12 px as rendered (an SVG's font size times its scale on screen);
- no reader-visible text points into the facts files (§ numbers, source codes such as S12);
- axe-core finds no serious or critical violation;
- round pages have a contents list whose links all lead somewhere on the page, and each
  delegation's members folded in a closed <details> under its visible head.
"""

import re
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.browser.conftest import OUTPUT_DIR
from tests.browser.reader_pages import ROUND_PAGES, reader_pages

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
BLOCKING = {"serious", "critical"}
# Pointers into the facts files, as record.loader.check.FACTS_POINTER refuses them in the data
# files, and anywhere on the page rather than only in what the loader reads: a "§" of any kind,
# source codes (S12, U12, X1, SEED) and the 2026 review's finding numbers (K12).
FACTS_POINTER = re.compile(r"§|\b(?:[SUX]\d{1,3}|SEED|K\d{1,2})\b")
MIN_TEXT_PX = 12

MEASURE = """(minPx) => {
  // First what a reader sees on arrival: the contents list, which <details> are closed.
  const contents = [...document.querySelectorAll('nav')].map((nav) =>
    [...nav.querySelectorAll('a[href^="#"]')].map((a) => {
      const id = decodeURIComponent(a.getAttribute('href').slice(1));
      return {href: a.getAttribute('href'), exists: !!id && !!document.getElementById(id)};
    })
  ).filter((links) => links.length);
  const details = [...document.querySelectorAll('details')].map((d) => ({
    open: d.open, text: d.textContent.replace(/\\s+/g, ' '),
  }));
  const textOnArrival = document.body.innerText;
  const heightOnArrival = document.documentElement.scrollHeight;
  // Then everything a reader can open: what is folded away must fit and read as well.
  for (const d of document.querySelectorAll('details')) d.open = true;
  const width = document.documentElement.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    for (const c of el.classList) name += '.' + c;
    return name;
  };
  // Inside a box that scrolls or clips sideways, an element wider than the screen is the
  // box's business (a table that scrolls inside its wrapper), not the page's; so is one that
  // is clipped away on purpose (.visually-hidden).
  const contained = (el) => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      if (p !== el && style.overflowX !== 'visible') return true;
    }
    return false;
  };
  const pastEdge = (rect) => rect.right > width + 0.5 || rect.left < -0.5;
  const overflowing = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if ((!rect.width && !rect.height) || !pastEdge(rect) || contained(el)) continue;
    // Name the outermost element past the edge: its parent still fits, so it is the cause.
    const parent = el.parentElement;
    if (parent !== document.body && pastEdge(parent.getBoundingClientRect())) continue;
    overflowing.push(`${describe(el)} at ${Math.round(rect.left)}–${Math.round(rect.right)}px`);
  }
  const smallText = [];
  for (const el of document.querySelectorAll('svg text, svg tspan')) {
    const text = el.textContent.trim();
    const rect = el.getBoundingClientRect();
    if (!text || !rect.width) continue;
    const m = el.getScreenCTM();
    const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    const px = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (px < minPx - 0.05) smallText.push(`"${text.slice(0, 40)}" ${px.toFixed(1)}px`);
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width, overflowing, smallText, contents, details, textOnArrival, heightOnArrival,
    text: document.body.innerText,
  };
}"""


@dataclass
class Visit:
    """What one page showed at one width."""

    url: str
    status: int
    screenshot_bytes: int = 0
    height: int = 0
    scroll_width: int = 0
    width: int = 0
    overflowing: list[str] = field(default_factory=list)
    small_text: list[str] = field(default_factory=list)
    contents: list[list[dict]] = field(default_factory=list)
    details: list[dict] = field(default_factory=list)
    text: str = ""
    text_on_arrival: str = ""
    violations: list[str] = field(default_factory=list)


def delegations_on(url: str) -> list[tuple[str, str, list[str]]]:
    """(side, head's name, other members' names) for each published delegation of the round
    page at `url`."""
    from django.urls import resolve

    from talks.models import DEFAULT_TRACK, MEMBER_ROLES, ParticipantRole, Round

    match = resolve(url)
    track = match.kwargs.get("track_slug", DEFAULT_TRACK)
    round_ = Round.objects.published().get(track__slug=track, number=match.kwargs["number"])
    found = []
    for delegation in round_.delegations.published().prefetch_related("participants__person"):
        people = [p for p in delegation.participants.all() if p.role in MEMBER_ROLES]
        heads = [p.person.name for p in people if p.role == ParticipantRole.HEAD]
        others = [p.person.name for p in people if p.role != ParticipantRole.HEAD]
        if heads and others:
            found.append((delegation.get_side_display(), heads[0], others))
    return found


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker, live_server, browser):
    """visits(viewport) -> visit_every_page's answer, computed once per viewport per module.

    One pass over the pages serves every test of the module at that width, in whatever order
    the tests run (pytest-randomly shuffles them; a parametrized module fixture would be set up
    again at each switch of width)."""
    done = {}

    def at(viewport: str):
        if viewport not in done:
            done[viewport] = visit_every_page(viewport, django_db_blocker, live_server, browser)
        return done[viewport]

    return at


@pytest.fixture(params=list(VIEWPORTS))
def visited(request, visits):
    return visits(request.param)


def visit_every_page(viewport, django_db_blocker, live_server, browser):
    """(viewport name, {label: Visit}, {round page label: its delegations}): every page opened
    once at this width. It loads the record itself, in autocommit, whatever an earlier test left:
    the test it runs for has a transactional database, which empties it afterwards."""
    width, height = VIEWPORTS[viewport]
    with django_db_blocker.unblock():
        call_command("load_istanbul", verbosity=0)
        pages, _ = reader_pages()
        delegations = {label: delegations_on(pages[label]) for label in ROUND_PAGES & set(pages)}
    screenshots = OUTPUT_DIR / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    # Injecting axe's script is the test's doing, not the page's; a strict CSP must not block it.
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    axe = Axe()
    visits = {}
    try:
        with django_db_blocker.unblock():
            for label, url in pages.items():
                response = page.goto(live_server.url + url)
                visit = Visit(url=url, status=response.status if response else 0)
                visits[label] = visit
                if visit.status != 200:
                    continue
                if label == "api-docs":
                    # Swagger UI draws the operations from the schema after the page loads.
                    page.wait_for_selector(".swagger-ui .opblock")
                path = screenshots / f"{label}-{viewport}.png"
                page.screenshot(path=str(path), full_page=True)
                visit.screenshot_bytes = path.stat().st_size
                measured = page.evaluate(MEASURE, MIN_TEXT_PX)
                visit.scroll_width = measured["scrollWidth"]
                visit.width = measured["width"]
                visit.overflowing = measured["overflowing"]
                visit.small_text = measured["smallText"]
                visit.contents = measured["contents"]
                visit.details = measured["details"]
                visit.text = measured["text"]
                visit.text_on_arrival = measured["textOnArrival"]
                visit.height = measured["heightOnArrival"]
                for violation in axe.run(page).response["violations"]:
                    if violation["impact"] in BLOCKING:
                        targets = [node["target"] for node in violation["nodes"][:3]]
                        visit.violations.append(
                            f"{violation['id']} ({violation['impact']}, "
                            f"{len(violation['nodes'])} nodes) {targets}"
                        )
    finally:
        context.close()
    # Page heights as they open (round 2 was 22,000 px on a phone), for before/after notes.
    (OUTPUT_DIR / f"page-heights-{viewport}.txt").write_text(
        "".join(f"{visit.height:>7} px  {label}  {visit.url}\n" for label, visit in visits.items())
    )
    return viewport, visits, delegations


def report(viewport: str, problems: dict[str, list[str]]) -> str:
    lines = [f"at {viewport} width:"]
    for label, items in problems.items():
        lines.append(f"  {label}:")
        lines.extend(f"    {item}" for item in items)
    return "\n".join(lines)


def test_every_page_type_has_an_example(istanbul_record):
    # A new route with parameters must get an example in reader_pages.EXAMPLES, or it would
    # escape every check below.
    pages, missing = reader_pages()
    assert missing == [], f"page types with no example in reader_pages.EXAMPLES: {missing}"
    assert {"home", "round-detail", "api-docs", "data"} <= set(pages)


def test_every_page_opens_and_is_screenshotted(visited):
    viewport, visits, _ = visited
    problems = {
        label: [f"{visit.url} answered {visit.status}"]
        for label, visit in visits.items()
        if visit.status != 200 or visit.screenshot_bytes < 10_000
    }
    assert not problems, report(viewport, problems)


def test_no_page_overflows_sideways(visited):
    # A phone reader never scrolls sideways: the page is no wider than the screen.
    viewport, visits, _ = visited
    problems = {
        label: [f"{visit.url}: {visit.scroll_width}px wide on a {visit.width}px screen"]
        + visit.overflowing
        for label, visit in visits.items()
        if visit.scroll_width > visit.width or visit.overflowing
    }
    assert not problems, report(viewport, problems)


def test_chart_text_is_at_least_12_px(visited):
    viewport, visits, _ = visited
    problems = {
        label: [visit.url, *visit.small_text] for label, visit in visits.items() if visit.small_text
    }
    assert not problems, report(viewport, problems)


def test_no_reader_text_points_into_the_facts_files(visited):
    viewport, visits, _ = visited
    problems = {}
    for label, visit in visits.items():
        found = [
            visit.text[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
            for m in FACTS_POINTER.finditer(visit.text)
        ]
        if found:
            problems[label] = [visit.url, *found]
    assert not problems, report(viewport, problems)


def test_no_serious_accessibility_violation(visited):
    viewport, visits, _ = visited
    problems = {
        label: [visit.url, *visit.violations] for label, visit in visits.items() if visit.violations
    }
    assert not problems, report(viewport, problems)


def test_round_pages_have_a_contents_list_and_fold_delegations(visited):
    viewport, visits, delegations = visited
    assert delegations, "no round page was visited"
    problems = {}
    for label, expected in delegations.items():
        visit = visits[label]
        found = []
        # A contents list: a nav of at least three jump links (what happened, delegations,
        # positions…), each to an anchor that exists on the page.
        lists = [links for links in visit.contents if len(links) >= 3]
        if not lists:
            found.append(f"no contents list (a <nav> of 3+ in-page links): {visit.contents}")
        for links in lists:
            broken = [link["href"] for link in links if not link["exists"]]
            if broken:
                found.append(f"contents links to anchors that do not exist: {broken}")
        # Each delegation shows its head, with the other members in a closed <details>.
        closed = [d["text"] for d in visit.details if not d["open"]]
        for side, head, others in expected:
            if head not in visit.text_on_arrival:
                found.append(f"{side}: head {head} is not visible without opening anything")
            if not any(all(name in text for name in others) for text in closed):
                found.append(f"{side}: members {others} are not in one closed <details>")
        if found:
            problems[label] = [visit.url, *found]
    assert not problems, report(viewport, problems)
