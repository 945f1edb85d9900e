"""Screenshots of the workbench for the README: the map with its timeline, the incident list, an incident page.

Builds the demo store in a temporary folder, serves it on a loopback port and drives Debian's
headless Chromium (`apt-get install -y chromium`) through Playwright. The PNG files go to the
folder given, never into the repository unless you name a folder there.

    .venv/bin/python scripts/screenshots.py --out /tmp/svidok-screenshots
"""
from __future__ import annotations

import argparse
import secrets
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from svidok.demo import build_demo
from svidok.serve.app import create_app
from svidok.serve.background import serving
from svidok.serve.passwords import hash_password
from svidok.store import Store
from svidok.store.accounts import Accounts

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The incident the README shows: the demo's shelling reported by two independent claimants.
SHOWN_INCIDENT_TYPE, SHOWN_INCIDENT_STATUS = "killing", "corroborated"


def take_screenshots(out_dir: Path, chromium: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "demo.sqlite"
        build_demo(db_path, progress=False)
        password = secrets.token_urlsafe(16)
        with Store.open(f"sqlite:///{db_path}") as store:
            Accounts(store).add("analyst", "analyst", hash_password(password))
            with serving(create_app(store)) as base_url, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    _log_in(page, base_url, password)
                    return _shoot(page, base_url, out_dir)
                finally:
                    browser.close()


def _log_in(page: Page, base_url: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", "analyst")
    page.fill("input[name=password]", password)
    page.click("form.login button[type=submit]")
    page.wait_for_url("**/incidents")


def _shoot(page: Page, base_url: str, out_dir: Path) -> list[Path]:
    shots = [out_dir / "incident-list.png", out_dir / "incident-page.png", out_dir / "map.png"]
    page.goto(f"{base_url}/map")
    page.screenshot(path=str(shots[2]), full_page=True)
    page.goto(f"{base_url}/incidents")
    page.screenshot(path=str(shots[0]), full_page=True)
    page.goto(f"{base_url}/incidents?type={SHOWN_INCIDENT_TYPE}&status={SHOWN_INCIDENT_STATUS}")
    page.locator("table.incidents tbody tr a").first.click()
    page.wait_for_url("**/incidents/inc-*")
    page.screenshot(path=str(shots[1]), full_page=True)
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium executable")
    arguments = parser.parse_args()
    for path in take_screenshots(arguments.out, arguments.chromium):
        print(path)


if __name__ == "__main__":
    main()
