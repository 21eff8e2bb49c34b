"""Open the built documentation in headless Chromium and check how it reads.

Usage::

    python docs/_tools/browser_check.py [--html docs/_build/html]
        [--screenshots docs/_build/screenshots] [PAGE.html ...]

The built HTML is served on localhost and a few pages (by default the home page,
the tutorial, one rule page and the API reference) are opened at 1366 and 1920
pixels wide.  On
each, the check fails on:

* an error box: a system message, "problematic" markup, an ``error`` admonition,
  or Furo's warning colours for a ``contents`` directive;
* a table or other block wider than the content column (``article``);
* a Python representation of a set or an enumeration member (``frozenset({…})``,
  ``<Outcome.ELIGIBLE: 'eligible'>``) in the page's text, outside the input lines
  of code blocks;
* Chinese text outside code that is not marked ``lang="zh-CN"`` (browsers then pick
  Japanese glyph shapes for it).

A rule page must also list its Sources, Conditions and Parameters headings in the
"On this page" sidebar.  A full-page screenshot of every page at every width is
saved (as ``<page>-<width>.png``) for a person to look at.

It needs Debian's ``chromium`` and ``chromium-driver`` and the Python package
``selenium`` (dependency group ``browser``); ``nox -s browser`` installs them.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import functools
import http.server
import re
import sys
import threading

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


DOCS = Path(__file__).resolve().parent.parent
PAGES = ("index.html", "tutorial.html", "rules/apprenticeship-case.html", "api.html")
WIDTHS = ((1366, 900), (1920, 1080))
RULE_PAGE_HEADINGS = ("Sources", "Conditions", "Parameters")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
# Longer pages (the API reference) are cut here: the start of a page shows its
# layout, and a picture of the whole would be a hundred megapixels.
MAX_SCREENSHOT_HEIGHT = 16000
# A set's or an enumeration member's repr, as Python prints it.
REPR = re.compile(
    r"\b(?:frozenset|set)\(\{|<[A-Za-z_][A-Za-z0-9_]*\.[A-Z][A-Z0-9_]*: [^>]*>"
)

# Runs in the page: what the check needs to know about it, as plain data.
INSPECT_PAGE = r"""
const SLACK = 12;
const article = document.querySelector("article");
const column = article.getBoundingClientRect();
const errors = [];
for (const element of document.querySelectorAll(
    ".system-message, .problematic, .admonition.error, div.error, " +
    ".contents:not(.this-will-duplicate-information-and-it-is-still-useful-here)")) {
  errors.push(element.className + ": " + element.textContent.trim().substring(0, 120));
}
const wide = [];
const reported = [];
const blocks = "table, pre, div.highlight, dl, ul, ol, p, blockquote, figure, img, " +
  "section, .table-wrapper, .admonition, dt, dd";
for (const element of article.querySelectorAll(blocks)) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || reported.some((outer) => outer.contains(element))) continue;
  // Furo lets signatures and code bleed a few pixels into the margin on purpose.
  const overflows = box.left < column.left - SLACK || box.right > column.right + SLACK;
  // A box of its own width can still scroll sideways; code may, nothing else.
  const scrolls = element.tagName !== "PRE" && !element.closest("pre, .highlight") &&
    element.scrollWidth > element.clientWidth + 1 &&
    getComputedStyle(element).overflowX !== "visible";
  if (overflows || scrolls) {
    reported.push(element);
    const label = element.tagName.toLowerCase() +
      (element.className ? "." + String(element.className).split(" ").join(".") : "");
    wide.push(label + " " + Math.round(box.width) + "px (scrolls to " +
      element.scrollWidth + "px): " + element.textContent.trim().substring(0, 80));
  }
}
// The text a reader sees, without the input lines of code.
const copy = article.cloneNode(true);
for (const element of copy.querySelectorAll("dt.sig, .headerlink")) element.remove();
for (const pre of copy.querySelectorAll("pre")) {
  const lines = pre.textContent.split("\n");
  let kept = [];
  if (lines.some((line) => line.startsWith(">>>"))) {
    kept = lines.filter((line) => !line.startsWith(">>>") && !line.startsWith("..."));
  } else if (lines.some((line) => line.startsWith("$ "))) {
    kept = lines.filter((line) => !line.startsWith("$ "));
  }
  pre.textContent = kept.join("\n");
}
const text = copy.textContent;
const unmarked = [];
const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(node.data)) continue;
  const parent = node.parentElement;
  if (parent.closest("pre, .highlight, dt.sig")) continue;
  const lang = parent.closest("[lang]");
  if (!lang || !lang.lang.toLowerCase().startsWith("zh")) {
    unmarked.push(node.data.trim().substring(0, 60));
  }
}
const toc = Array.from(document.querySelectorAll(".toc-tree a"), (a) => a.textContent.trim());
return {
  column: Math.round(column.width), errors: errors, wide: wide, text: text,
  unmarked: unmarked, toc: toc,
  height: Math.ceil(document.documentElement.scrollHeight),
};
"""


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve *root* over HTTP on localhost, in a thread; yield its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            del format, args

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def browser(chromium: str, driver: str) -> webdriver.Chrome:
    """Headless Chromium driven through Debian's chromedriver (no download)."""
    options = Options()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--lang=en-GB")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def screenshot(chrome: webdriver.Chrome, width: int, height: int, path: Path) -> None:
    """Save the whole page (up to :data:`MAX_SCREENSHOT_HEIGHT`) as a PNG."""
    height = min(height, MAX_SCREENSHOT_HEIGHT)
    chrome.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        shot = chrome.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "fromSurface": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
    finally:
        chrome.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    path.write_bytes(base64.b64decode(shot["data"]))


def repr_excerpts(text: str) -> list[str]:
    """Each set or enumeration repr in *text*, with a little context."""
    return [
        " ".join(text[max(0, m.start() - 40) : m.end() + 20].split())
        for m in REPR.finditer(text)
    ]


def check_page(
    chrome: webdriver.Chrome, base: str, page: str, size: tuple[int, int], out: Path
) -> list[str]:
    """Open *page* at *size*, save its screenshot, and return what is wrong with it."""
    width, height = size
    chrome.set_window_size(width, height)
    chrome.get(f"{base}/{page}")
    found: dict[str, Any] = chrome.execute_script(INSPECT_PAGE)
    name = page.removesuffix(".html").replace("/", "-")
    screenshot(chrome, width, int(found["height"]), out / f"{name}-{width}.png")
    where = f"{page} at {width}px"
    problems = [f"{where}: error box {error}" for error in found["errors"]]
    problems += [
        f"{where}: wider than the {found['column']}px column: {block}"
        for block in found["wide"]
    ]
    problems += [
        f"{where}: a Python repr in the text: {excerpt}"
        for excerpt in repr_excerpts(str(found["text"]))
    ]
    problems += [
        f"{where}: Chinese text not marked lang=zh-CN: {text!r}"
        for text in found["unmarked"]
    ]
    if page.startswith("rules/"):
        problems += [
            f"{where}: no {heading!r} in 'On this page'"
            for heading in RULE_PAGE_HEADINGS
            if heading not in found["toc"]
        ]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Check every page at every width; print the problems; 1 if there are any."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=DOCS / "_build" / "html")
    parser.add_argument(
        "--screenshots", type=Path, default=DOCS / "_build" / "screenshots"
    )
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    parser.add_argument(
        "pages",
        nargs="*",
        default=list(PAGES),
        help="pages to check, relative to the html folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with serve(args.html) as base:
        chrome = browser(args.chromium, args.driver)
        try:
            for page in args.pages:
                for size in WIDTHS:
                    problems += check_page(chrome, base, page, size, args.screenshots)
        finally:
            chrome.quit()
    checked = len(args.pages) * len(WIDTHS)
    sys.stdout.writelines(f"{problem}\n" for problem in problems)
    sys.stdout.write(
        f"{checked} page views checked, {len(problems)} problems; "
        f"screenshots in {args.screenshots}\n"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
