"""An editor logs round 4 in the admin and submits it; a publisher publishes it; readers see it.

Real Chromium against the live server. Prints how long the scripted editor part takes, end to
end, as a benchmark figure (not asserted: CI machines differ).
"""

import time

import pytest
from django.contrib.auth.models import User

from provenance.models import PublicationStatus
from talks.models import Round
from tests.factories import role_group

PASSWORD = "correct horse battery"


def make_user(username: str, group: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(role_group(group))
    return user


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def pick(page, select_id: str, term: str, choice: str) -> None:
    """Choose `choice` in a Select2 autocomplete by typing `term`, as an editor does."""
    page.locator(f"select#{select_id} + .select2").click()
    # Type only once the dropdown's own search box has focus: keys typed before Select2 opens
    # land elsewhere, and a partial term can push the wanted choice off the first result page.
    search = page.locator(".select2-container--open .select2-search__field")
    search.wait_for(state="visible")
    search.focus()
    page.keyboard.type(term)
    page.locator(".select2-results__option", has_text=choice).first.click()
    page.wait_for_selector(".select2-container--open", state="detached")


def save_and_continue(page) -> None:
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")


def add_source_in_popup(page, button: str, code: str, title: str) -> None:
    """Adds a source through the admin's "+" popup and waits for the popup to close.

    The close is awaited around the click, not after it: the popup's answer closes the window
    within milliseconds, and a wait begun after the click can miss the event (CI did).
    """
    with page.expect_popup() as popup_info:
        page.click(button)
    popup = popup_info.value
    popup.fill("#id_code", code)
    popup.fill("#id_title", title)
    popup.fill("#id_publisher", "Reuters")
    with popup.expect_event("close"):
        popup.click("input[name=_save]")


def run_action(page, action: str, label: str) -> None:
    page.locator("tr", has_text=label).locator("input.action-select").check()
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


@pytest.mark.django_db(transaction=True)
def test_editor_logs_round_four_publisher_publishes_it(
    live_server, page, screenshot_dir, istanbul_record
):
    """On top of the real Istanbul record (rounds 1–3, the people, venues and issues)."""
    base = live_server.url
    make_user("ana", "Editor")
    make_user("pavlo", "Publisher")

    started = time.perf_counter()
    log_in(page, base, "ana")

    # The round, with a venue picked by autocomplete and a new source added in the "+" popup.
    page.goto(f"{base}/admin/talks/round/add/")
    page.fill("#id_number", "4")
    page.fill("#id_title", "Fourth round in Istanbul")
    page.fill("#id_held_on", "2025-09-01")
    pick(page, "id_venue", "ciragan", "Çırağan Palace")
    add_source_in_popup(page, "#add_id_sources", "S900", "Delegations meet for a fourth round")
    assert "S900" in page.locator("select#id_sources + .select2").inner_text()
    page.fill("#id_summary", "Both delegations met at **Çırağan**.")

    # Both delegations, and a commitment, each citing the source.
    for index, side in enumerate(["ukraine", "russia"]):
        page.click("#delegations-group .add-row a")
        page.select_option(f"#id_delegations-{index}-side", side)
        pick(page, f"id_delegations-{index}-sources", "S900", "S900")
    page.click("#commitments-group .add-row a")
    page.fill("#id_commitments-0-title", "Exchange of 1,200 prisoners")
    page.fill("#id_commitments-0-slug", "round-4-exchange-1200")
    pick(page, "id_commitments-0-issue", "prisoners", "Prisoners of war")
    page.select_option("#id_commitments-0-agreed_by", "both")
    pick(page, "id_commitments-0-sources", "S900", "S900")
    save_and_continue(page)

    # A participant, picked by autocomplete through a transliteration, on the delegation's page.
    page.locator("td.original p", has_text="Ukraine at round 4").locator(
        "a.inlinechangelink"
    ).click()
    page.wait_for_url("**/admin/talks/delegation/*/change/")
    page.wait_for_load_state("load")  # Select2 and the inline formset scripts are set up
    page.click("#participants-group .add-row a")
    pick(page, "id_participants-0-person", "Umierov", "Rustem Umerov")
    page.select_option("#id_participants-0-role", "head")
    page.select_option("#id_participants-0-at_table", "true")
    pick(page, "id_participants-0-sources", "S900", "S900")
    save_and_continue(page)

    # Submit the round for review.
    page.goto(f"{base}/admin/talks/round/")
    run_action(page, "submit_for_review", "Fourth round in Istanbul")
    page.wait_for_selector(".messagelist .success")
    editor_seconds = time.perf_counter() - started
    # Rounds are numbered within their track since the 2026 review; this one is the Istanbul talks'.
    round_ = Round.objects.get(track__slug="istanbul", number=4)
    assert round_.publication_status == PublicationStatus.IN_REVIEW
    assert round_.delegations.get(side="ukraine").participants.get().person.slug == "rustem-umerov"

    # The publisher publishes it with everything logged under it.
    page.context.clear_cookies()
    log_in(page, base, "pavlo")
    page.goto(f"{base}/admin/talks/round/")
    run_action(page, "publish", "Fourth round in Istanbul")
    drafts = page.locator("ul.publish-drafts").inner_text()
    assert "Ukraine at round 4" in drafts
    assert "Exchange of 1,200 prisoners" in drafts
    page.click("input[type=submit][value='Yes, publish']")
    page.wait_for_selector(".messagelist .success")
    page.screenshot(path=str(screenshot_dir / "editor-round-4-published.png"), full_page=True)

    round_.refresh_from_db()
    assert round_.publication_status == PublicationStatus.PUBLISHED
    assert round_.delegations.published().count() == 2
    assert round_.commitments.published().count() == 1

    # Readers see it on the public round list, after the three real rounds.
    page.goto(f"{base}/")
    rounds = page.locator("main").inner_text()
    assert "Fourth round in Istanbul" in rounds
    assert rounds.index("Third round in Istanbul") < rounds.index("Fourth round in Istanbul")

    # And in the API.
    response = page.request.get(f"{base}/api/v1/rounds/?format=json")
    assert response.ok
    assert "Fourth round in Istanbul" in response.text()

    # The round's history shows both people's changes.
    page.goto(f"{base}/admin/talks/round/{round_.pk}/history/")
    history = page.locator("#content-main").inner_text()
    assert "ana" in history
    assert "pavlo" in history
    assert "Published by pavlo" in history
    assert "Submitted for review by ana" in history

    print(
        f"\nEditor flow (log in → round 4 with delegations, participant, commitment, source → submit): {editor_seconds:.1f} s"
    )
