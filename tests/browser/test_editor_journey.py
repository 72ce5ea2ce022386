"""The editor journey of #10, in Chromium: an editor logs round 5 with both delegations, a
commitment, an exchange with both sides' differing counts and a new source, and submits it; a
publisher sees the whole tree and what changes, publishes it; every fact is public with its
sources, on the site and in the API.

Runs on SQLite and on PostgreSQL (DATABASE_URL). Prints the time each part takes.
"""

import time

import pytest

from positions.models import Exchange, ExchangeCount
from provenance.models import PublicationStatus, Source
from talks.models import Round
from tests.browser.test_editor_round_workflow import (
    add_source_in_popup,
    log_in,
    make_user,
    pick,
    run_action,
)


def save_and_continue(page) -> None:
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")


@pytest.mark.django_db(transaction=True)
def test_round_five_from_editor_to_reader(live_server, page, screenshot_dir, istanbul_record):
    base = live_server.url
    make_user("ana", "Editor")
    make_user("pavlo", "Publisher")
    started = time.perf_counter()
    log_in(page, base, "ana")

    # Round 5 with a new source, both delegations and a commitment.
    page.goto(f"{base}/admin/talks/round/add/")
    page.fill("#id_number", "5")
    page.fill("#id_title", "Fifth round in Istanbul")
    page.fill("#id_held_on", "2025-10-20")
    pick(page, "id_venue", "ciragan", "Çırağan Palace")
    add_source_in_popup(page, "#add_id_sources", "S905", "Delegations meet for a fifth round")
    page.fill("#id_summary", "Both delegations met at **Çırağan** for two hours.")
    for index, side in enumerate(["ukraine", "russia"]):
        page.click("#delegations-group .add-row a")
        page.select_option(f"#id_delegations-{index}-side", side)
        pick(page, f"id_delegations-{index}-sources", "S905", "S905")
    page.click("#commitments-group .add-row a")
    page.fill("#id_commitments-0-title", "Exchange of 84 for 84")
    page.fill("#id_commitments-0-slug", "round-5-exchange-84")
    pick(page, "id_commitments-0-issue", "prisoners", "Prisoners of war")
    page.select_option("#id_commitments-0-agreed_by", "both")
    pick(page, "id_commitments-0-sources", "S905", "S905")
    save_and_continue(page)

    # The exchange carrying the commitment out, with a second new source and both sides' counts.
    page.goto(f"{base}/admin/positions/exchange/add/")
    page.fill("#id_title", "First swap under the fifth round")
    page.select_option("#id_kind", "pow_swap")
    page.fill("#id_occurred_on", "2025-10-24")
    pick(page, "id_commitment", "84 for 84", "Exchange of 84 for 84")
    add_source_in_popup(page, "#add_id_sources", "S906", "Ukraine and Russia swap prisoners")
    for index, (claimant, quantity) in enumerate([("ukraine", "84"), ("russia", "86")]):
        page.click("#counts-group .add-row a")
        page.select_option(f"#id_counts-{index}-receiving_side", "ukraine")
        page.select_option(f"#id_counts-{index}-category", "pows")
        page.fill(f"#id_counts-{index}-quantity", quantity)
        page.select_option(f"#id_counts-{index}-claimed_by", claimant)
        pick(page, f"id_counts-{index}-sources", "S906", "S906")
    save_and_continue(page)

    # Submit the round: its whole tree goes into review.
    page.goto(f"{base}/admin/talks/round/")
    run_action(page, "submit_for_review", "Fifth round in Istanbul")
    page.wait_for_selector(".messagelist .success")
    editor_seconds = time.perf_counter() - started
    exchange = Exchange.objects.get(title="First swap under the fifth round")
    assert exchange.publication_status == PublicationStatus.IN_REVIEW
    assert Source.objects.get(code="S906").publication_status == PublicationStatus.IN_REVIEW

    # The publisher sees the whole tree and what it changes, then publishes it.
    publisher_started = time.perf_counter()
    page.context.clear_cookies()
    log_in(page, base, "pavlo")
    page.goto(f"{base}/admin/talks/round/")
    run_action(page, "publish", "Fifth round in Istanbul")
    plan = page.locator("#publish-confirmation").inner_text()
    for fact in (
        "Ukraine at round 5",
        "Russia at round 5",
        "Exchange of 84 for 84",
        "First swap under the fifth round",
        "received 84 prisoners of war (per Ukraine)",
        "received 86 prisoners of war (per Russia)",
        "S905",
        "S906",
        "Both delegations met at **Çırağan** for two hours.",  # the diff: new summary
    ):
        assert fact in plan, fact
    page.screenshot(path=str(screenshot_dir / "publisher-round-5-confirmation.png"), full_page=True)
    page.click("input[type=submit][value='Yes, publish']")
    page.wait_for_selector(".messagelist .success")
    publisher_seconds = time.perf_counter() - publisher_started

    # Every fact is public, with its sources.
    round_ = Round.objects.get(number=5, track__slug="istanbul")  # the default track
    assert Round.objects.published().filter(pk=round_.pk).exists()
    assert ExchangeCount.objects.published().filter(exchange=exchange).count() == 2
    page.goto(f"{base}/rounds/5/")
    round_page = page.locator("main").inner_text()
    assert "Fifth round in Istanbul" in round_page
    assert "Exchange of 84 for 84" in round_page
    assert "Delegations meet for a fifth round" in round_page  # S905 cited
    page.goto(f"{base}/exchanges/{exchange.pk}/")
    exchange_page = page.locator("main").inner_text()
    assert "84" in exchange_page
    assert "86" in exchange_page
    assert "Ukraine and Russia swap prisoners" in exchange_page  # S906 cited
    counts = page.request.get(
        f"{base}/api/v1/exchange-counts/?exchange={exchange.pk}&include=sources"
    )
    rows = counts.json()["results"]
    assert sorted((row["claimed_by"], row["quantity"]) for row in rows) == [
        ("russia", 86),
        ("ukraine", 84),
    ]
    assert all(row["sources"] for row in rows)
    total = time.perf_counter() - started
    print(
        f"\nEditor journey, round 5: editor {editor_seconds:.1f} s, publisher "
        f"{publisher_seconds:.1f} s, end to end with the reader's checks {total:.1f} s"
    )
