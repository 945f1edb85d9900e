"""One analyst session in a real headless Chromium against a real uvicorn server over the demo store."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from workbench_clients import PASSWORDS

from svidok.serve.app import create_app
from svidok.serve.background import serving
from svidok.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
)


@pytest.fixture
def server_url(demo_store: Store) -> Iterator[str]:
    with serving(create_app(demo_store, secret_key="e2e")) as url:
        yield url


def test_analyst_filters_opens_an_incident_accepts_a_claim_merges_sees_the_map_and_the_audit_log(server_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(10_000)
            page.goto(f"{server_url}/incidents")
            assert "/login" in page.url
            page.fill("input[name=username]", "analyst")
            page.fill("input[name=password]", PASSWORDS["analyst"])
            page.click("form.login button[type=submit]")
            page.wait_for_url("**/incidents")

            page.select_option("select[name=type]", "attack_on_civilians")
            page.select_option("select[name=oblast]", "Kharkiv Oblast")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**/incidents?*type=attack_on_civilians*")
            rows = page.locator("table.incidents tbody tr")
            assert rows.count() >= 1
            assert all("attack on civilians" in text for text in rows.all_inner_texts())

            rows.first.locator("a").click()
            page.wait_for_url("**/incidents/inc-*")
            mark = page.locator(".preserved mark").first
            assert mark.is_visible() and mark.inner_text().strip()

            claim = page.locator("article.claim").first
            claim.locator("form.decide input[name=comment]").fill("matches the regional administration's statement")
            claim.locator("button[value=accepted]").click()
            page.wait_for_load_state()
            assert "accepted by analyst" in page.locator("article.claim").first.inner_text()

            merged_into = page.url.split("#")[0]
            page.locator("form.merge input[name=comment]").fill("same strike, reported twice")
            page.click("form.merge button[type=submit]")
            page.wait_for_load_state()
            assert "merge incidents" in page.locator("ul.history").inner_text()

            page.click("header nav a[href='/map']")
            page.wait_for_url("**/map")
            assert page.locator("svg.map .oblasts path").count() == 27
            assert page.locator("svg.map circle.point").count() >= 1

            page.click("header nav a[href='/audit']")
            newest, earlier = page.locator("table.audit tbody tr").all_inner_texts()[:2]
            assert "merge incidents" in newest and merged_into.rsplit("/", 1)[1] in newest
            assert "analyst" in earlier and "accept claim" in earlier
            assert "matches the regional administration" in earlier
        finally:
            browser.close()
