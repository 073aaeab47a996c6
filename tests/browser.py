"""Helpers for tests that drive headless Chromium: axe-core and CSP checks."""

import json
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# WCAG 2.1 A and AA plus axe's best practices; the contrast theme also gets
# the AAA contrast rule (7:1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@cache
def _axe_source():
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, *, enhanced_contrast=False):
    """Run axe-core in the page and return its violations (a list of dicts).

    The script is evaluated through the DevTools protocol, which a page's
    Content-Security-Policy does not block, so the page keeps its real CSP.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # resultTypes: only violations are reported in full (passes are not
    # collected node by node), which makes a run on a long page much faster.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if enhanced_contrast:
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def set_theme(page, live_server_url, *, contrast=False, font_step=0):
    """Set the accessibility cookies the way the top bar's buttons do."""
    page.context.add_cookies(
        [
            {"name": "pps_contrast", "value": "1" if contrast else "0", "url": live_server_url},
            {"name": "pps_font", "value": str(font_step), "url": live_server_url},
        ]
    )


def collect_csp_violations(page):
    """Start recording CSP violations reported in the console; returns the list."""
    violations = []
    page.on("console", lambda message: violations.append(message.text) if _is_csp_violation(message) else None)
    return violations


def _is_csp_violation(message):
    return "Content Security Policy" in message.text or "Content-Security-Policy" in message.text


def html_errors(html):
    """Errors (not warnings) from the Nu HTML checker for a document."""
    return html_errors_by_document({"page": html})["page"]


def html_errors_by_document(documents):
    """{name: [errors]} for {name: html}, in one run of the checker (one JVM
    start instead of one per page)."""
    names = list(documents)
    with tempfile.TemporaryDirectory(prefix="vnu-") as directory:
        paths = [Path(directory) / f"{number}.html" for number in range(len(names))]
        for path, name in zip(paths, names, strict=True):
            path.write_text(documents[name], encoding="utf-8")
        completed = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
            capture_output=True,
            check=False,
        )
    messages = json.loads(completed.stderr or b'{"messages": []}')["messages"]
    errors = {name: [] for name in names}
    for message in messages:
        if message.get("type") != "error":
            continue
        text = f"{message.get('lastLine')}: {message['message']}"
        if message.get("url"):
            errors[names[int(Path(urlsplit(message["url"]).path).stem)]].append(text)
        else:  # not about one document (the checker itself failed)
            for found in errors.values():
                found.append(text)
    return errors


def accessibility_failures(page, base_url, paths, *, contrasts=(False, True)):
    """{(path, theme): problems} for every path in every theme with axe violations
    or a Content-Security-Policy violation in the console; {} when all pass.

    One test walks a section's pages on one database: seeding a section's
    content again for every page and theme took longer than axe itself.
    """
    failures = {}
    where = []

    def listener(message):
        if _is_csp_violation(message):
            failures.setdefault(where[-1], []).append({"csp": message.text})

    page.on("console", listener)
    try:
        for contrast in contrasts:
            set_theme(page, base_url, contrast=contrast)
            for path in paths:
                where.append((path, "high-contrast" if contrast else "default"))
                page.goto(base_url + path)
                if violations := axe_violations(page, enhanced_contrast=contrast):
                    failures.setdefault(where[-1], []).extend(violations)
    finally:
        page.remove_listener("console", listener)
    return failures


def invalid_html(client, paths):
    """{path: errors} of the Nu HTML checker for the pages that have any, in one run of it."""
    documents = {path: client.get(path).content.decode() for path in paths}
    return {path: errors for path, errors in html_errors_by_document(documents).items() if errors}
