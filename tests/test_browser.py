"""The built site in a real browser: headless Debian ``chromium`` driven by Selenium.

Run with ``python -m pytest -m browser`` (``.ci/run`` does, after installing ``chromium`` and
``chromium-driver`` with apt); the default run leaves these out, since building the site takes
seconds. Nothing downloads a browser: the tests use ``/usr/bin/chromium`` and
``/usr/bin/chromedriver`` and are skipped when either is missing.

The site is built twice: from the packaged data with the repository's configuration
(``mkdocs build --strict``, which must stay under a minute), and from a hostile copy of the
minimal fixture, whose texts carry ``<script>`` and attr_list syntax. Both are served on
127.0.0.1 by a thread of this process; every request the browser makes must go there.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import cnenforce
from cnenforce.contrib.changes import CHANGES_FILE, changes_text, diff

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
BUILD_SECONDS = 60

yaml = pytest.importorskip("yaml")
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "docs" / "hooks"))
from cnsite.context import fine_total  # noqa: E402

from test_site import HOSTILE_SUMMARY, HOSTILE_TITLE, _hostile_dir  # noqa: E402

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):  # pragma: no cover
    pytest.skip(
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )


def _build(config: Path, site: Path, *, strict: bool) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return time.perf_counter() - started


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The site of the packaged data, built with the repository's configuration."""
    site = tmp_path_factory.mktemp("site") / "site"
    seconds = _build(ROOT / "mkdocs.yml", site, strict=True)
    return site, seconds


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a hostile data directory (API reference left out, to build quickly)."""
    work = tmp_path_factory.mktemp("hostile")
    data = _hostile_dir(work)
    dataset = cnenforce.load(data)
    entry = diff(None, dataset, date=dt.date(2026, 1, 1), digest="sha256:" + "0" * 64)
    (data / CHANGES_FILE).write_text(changes_text([entry]), encoding="utf-8")
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "docs" / "overrides")
    config["hooks"] = [str(ROOT / "docs" / "hooks" / "cnenforce_site.py")]
    config["extra"]["cnenforce"] = {"data": str(data)}
    config["plugins"] = [
        p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) in ("search", "offline")
    ]
    config["nav"] = [item for item in config["nav"] if "API reference" not in item]
    config["exclude_docs"] = config["exclude_docs"] + "/api/\n"
    config["strict"] = False
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = work / "site"
    _build(path, site, strict=False)
    return site


class _Server:
    def __init__(self, directory: Path) -> None:
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        handler = functools.partial(Quiet, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def served(built: tuple[Path, float]) -> Iterator[str]:
    server = _Server(built[0])
    yield server.base
    server.close()


@pytest.fixture(scope="session")
def served_hostile(hostile: Path) -> Iterator[str]:
    server = _Server(hostile)
    yield server.base
    server.close()


def make_driver(user_data: Path, width: int = 1366, height: int = 900) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--user-data-dir={user_data}",
        f"--window-size={width},{height}",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = make_driver(tmp_path / "profile")
    yield driver
    driver.quit()


def _requests(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _search(driver: Any, query: str) -> list[Any]:
    driver.execute_script("document.querySelector('.md-search__input').focus()")
    box = driver.find_element(By.CSS_SELECTOR, ".md-search__input")
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, 20).until(
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
            or "No matching" in d.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        )
    )
    return driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item > a")


def _visible_ids(driver: Any) -> set[str]:
    return {
        row.get_attribute("data-id")
        for row in driver.find_elements(By.CSS_SELECTOR, "#cn-catalogue tbody tr")
        if row.is_displayed()
    }


def _no_alert(driver: Any) -> None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"a script from the data ran: alert {text!r}")


# --- the build -----------------------------------------------------------------------------


def test_strict_build_is_under_a_minute(built: tuple[Path, float]) -> None:
    site, seconds = built
    assert seconds < BUILD_SECONDS, f"mkdocs build --strict took {seconds:.1f} s"
    for case in cnenforce.load():
        assert (site / "cases" / f"{case.id}.html").is_file()
        assert (site / "cases" / f"{case.id}.json").is_file()
    assert not list((ROOT / "docs").rglob("cases")), "generated pages must not be written into docs/"


def test_atom_feed_parses(served: str) -> None:
    with urllib.request.urlopen(served + "feed.xml") as response:
        root = ET.fromstring(response.read())
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    assert root.find(f"{atom}updated") is not None
    entries = root.findall(f"{atom}entry")
    assert entries, "the feed has no entry"
    for entry in entries:
        title = entry.find(f"{atom}title")
        assert title is not None
        assert title.text


# --- in the browser ------------------------------------------------------------------------


def test_pages_load_nothing_from_elsewhere(browser: Any, served: str) -> None:
    for page in ("index.html", "cases/index.html", "statistics.html", "guide.html", "api/model.case.html"):
        browser.get(served + page)
        time.sleep(0.3)
    _search(browser, "tencent")
    # The browser's own pages (chrome://) aside, every request goes to the site's server.
    fetched = [url for url in _requests(browser) if url.startswith(("http:", "https:", "ws:", "wss:"))]
    outside = [url for url in fetched if not url.startswith(served)]
    assert not outside, f"the site fetched from elsewhere: {outside}"


def test_chinese_search_finds_the_respondent(browser: Any, served: str) -> None:
    dataset = cnenforce.load()
    case = next(c for c in dataset if c.respondent.name_zh and not c.respondent.anonymised and c.authorities)
    browser.get(served + "index.html")
    links = _search(browser, case.respondent.name_zh)
    hrefs = [link.get_attribute("href").split("#")[0].split("?")[0] for link in links]
    assert any(href.endswith(f"cases/{case.id}.html") for href in hrefs), (case.respondent.name_zh, hrefs)
    titles = [link.find_element(By.CSS_SELECTOR, "h1, h2").text for link in links]
    assert case.title in titles
    # One hit per case, titled with the case: no case's "Measures" or "Sources" section is a
    # hit of its own.
    case_hits = [href for href in hrefs if "/cases/" in href]
    assert len(case_hits) == len(set(case_hits))
    # A law's Chinese short title finds cases citing it.
    links = _search(browser, "网络安全法")
    assert any("/cases/" in link.get_attribute("href") for link in links)


def test_search_works_from_file(browser: Any, built: tuple[Path, float]) -> None:
    site, _ = built
    browser.get((site / "index.html").as_uri())
    links = _search(browser, "Tencent")
    assert any("/cases/" in link.get_attribute("href") for link in links)


def test_catalogue_filters_by_province(browser: Any, served: str) -> None:
    dataset = cnenforce.load()
    province = next(c.region.province for c in dataset if c.region is not None)
    expected = {c.id for c in dataset if c.region is not None and c.region.province == province and not c.national}
    browser.get(served + "cases/index.html")
    Select(browser.find_element(By.NAME, "province")).select_by_value(province)
    assert _visible_ids(browser) == expected
    assert f"province={province}" in browser.current_url
    # The filtered view can be shared: the address alone restores it.
    browser.get(served + "cases/index.html#province=" + province)
    browser.refresh()
    assert _visible_ids(browser) == expected
    assert browser.find_element(By.NAME, "province").get_attribute("value") == province
    assert browser.find_element(By.ID, "cn-count").text.startswith(f"{len(expected)} of ")


def test_catalogue_filters_by_fine_range(browser: Any, served: str) -> None:
    dataset = cnenforce.load()
    low, high = Decimal("10000"), Decimal("1000000")
    expected = {c.id for c in dataset if (total := fine_total(c)) is not None and low <= total <= high}
    browser.get(served + f"cases/index.html#fine-min={low}&fine-max={high}")
    browser.refresh()
    assert _visible_ids(browser) == expected
    browser.find_element(By.NAME, "fine-max").clear()
    browser.find_element(By.NAME, "fine-max").send_keys("5")
    assert _visible_ids(browser) == set()
    assert browser.find_element(By.ID, "cn-empty").is_displayed()


def test_catalogue_sorts_by_fine(browser: Any, served: str) -> None:
    browser.get(served + "cases/index.html")
    browser.find_element(By.CSS_SELECTOR, 'th[data-column="7"] button').click()
    fines = [
        float(row.get_attribute("data-fine") or -1)
        for row in browser.find_elements(By.CSS_SELECTOR, "#cn-catalogue tbody tr")
    ]
    assert fines == sorted(fines, reverse=True)
    assert "sort=7-desc" in browser.current_url


def test_catalogue_on_a_phone_loses_no_column(tmp_path: Path, served: str) -> None:
    driver = make_driver(tmp_path / "phone", 390, 844)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
        )
        driver.get(served + "cases/index.html")
        width = driver.execute_script("return window.innerWidth")
        assert width <= 400
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        row = driver.find_element(By.CSS_SELECTOR, "#cn-catalogue tbody tr")
        cells = row.find_elements(By.CSS_SELECTOR, "td")
        headers = driver.find_elements(By.CSS_SELECTOR, "#cn-catalogue thead th")
        assert len(cells) == len(headers)
        for cell in cells:
            if not cell.text.strip():
                continue
            box = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", cell)
            assert box["left"] >= 0, cell.get_attribute("data-label")
            assert box["right"] <= width, cell.get_attribute("data-label")
            label = driver.execute_script("return getComputedStyle(arguments[0], '::before').content", cell)
            assert cell.get_attribute("data-label") in label
    finally:
        driver.quit()


def test_statistics_page_has_charts(browser: Any, served: str) -> None:
    browser.get(served + "statistics.html")
    figures = browser.find_elements(By.CSS_SELECTOR, "figure.cn-chart")
    assert len(figures) >= 8
    for figure in figures:
        svg = figure.find_element(By.CSS_SELECTOR, "svg")
        assert svg.size["width"] > 200
        assert svg.size["height"] > 30
        assert figure.find_elements(By.CSS_SELECTOR, "svg rect"), figure.get_attribute("id")
        assert figure.find_elements(By.CSS_SELECTOR, "table tbody tr"), figure.get_attribute("id")


def test_case_page_links_and_cites(browser: Any, served: str) -> None:
    case = next(iter(cnenforce.load()))
    browser.get(served + f"cases/{case.id}.html")
    assert case.title in browser.find_element(By.CSS_SELECTOR, "h1").text
    cite = browser.find_element(By.CSS_SELECTOR, ".cn-cite-text").text
    assert case.id in cite
    assert cnenforce.load().version in cite
    browser.find_element(By.LINK_TEXT, "JSON record").click()
    assert json.loads(browser.find_element(By.TAG_NAME, "body").text)["id"] == case.id


# --- hostile data --------------------------------------------------------------------------


def test_script_in_a_summary_is_text(browser: Any, served_hostile: str) -> None:
    browser.get(served_hostile + "cases/2025-beijing-example-app.html")
    _no_alert(browser)
    assert browser.execute_script("return window.__pwned") is None
    text = browser.find_element(By.CSS_SELECTOR, "article").text
    assert HOSTILE_SUMMARY in text
    assert HOSTILE_TITLE in browser.find_element(By.CSS_SELECTOR, "h1").text
    assert HOSTILE_TITLE in browser.title
    assert not browser.find_elements(By.CSS_SELECTOR, "article script, article img, article [onclick]")
    for page in ("cases/index.html", "index.html", "browse/years.html", "changes/index.html"):
        browser.get(served_hostile + page)
        _no_alert(browser)
        assert browser.execute_script("return window.__pwned") is None
    links = _search(browser, "Hostile")
    _no_alert(browser)
    assert links
    assert browser.execute_script("return window.__pwned") is None


def test_hostile_feed_parses(served_hostile: str) -> None:
    with urllib.request.urlopen(served_hostile + "feed.xml") as response:
        root = ET.fromstring(response.read())
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert HOSTILE_TITLE in titles
