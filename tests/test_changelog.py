"""The changelog names every rule version: a rule never changes without saying so.

A rule's version is either one of the first versions listed in ``CHANGELOG.md``, or it is
named by a rule fragment in ``changelog.d/`` (pending) or by a released rule entry in
``CHANGELOG.md``, in the shape ``changelog.d/README.md`` prescribes.
"""

import re

from pathlib import Path

import pytest

from skillchain.rules import Rule, rules


ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
FRAGMENTS = ROOT / "changelog.d"

_FIRST_ROW = re.compile(r"^\| `(?P<rule>[a-z0-9_.]+)` \| (?P<version>[0-9][0-9.]*) \|$")
_SHAPE = (
    r"Version (?P<version>[0-9][0-9.]*[0-9])\. Impacted: [^\n]+?\. "
    r"A stored decision may now come out as: [^\n]+"
)
_RELEASED = re.compile(rf"^- {_SHAPE} \(`(?P<rule>[a-z0-9_.]+)`\)$")
_FRAGMENT = re.compile(rf"^{_SHAPE}$")
_FRAGMENT_NAME = re.compile(r"^(?P<rule>[a-z0-9_.]+?)\.rule(?:\.\d+)?\.md$")


def first_versions(text: str) -> set[tuple[str, str]]:
    """The (rule, version) rows of the first-release table in a changelog *text*."""
    return {
        (m["rule"], m["version"])
        for line in text.splitlines()
        if (m := _FIRST_ROW.match(line))
    }


def released_changes(text: str) -> set[tuple[str, str]]:
    """The (rule, version) pairs that released rule entries of a changelog *text* name."""
    return {
        (m["rule"], m["version"])
        for line in text.splitlines()
        if (m := _RELEASED.match(line))
    }


def fragment_change(name: str, text: str) -> tuple[str, str] | None:
    """The (rule, version) a rule fragment names, or ``None`` if it is not in shape."""
    named = _FRAGMENT_NAME.match(name)
    body = _FRAGMENT.match(text.strip())
    if named is None or body is None:
        return None
    return named["rule"], body["version"]


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _pending() -> dict[str, tuple[str, str] | None]:
    return {
        path.name: fragment_change(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(FRAGMENTS.glob("*.rule*.md"))
    }


def _named() -> set[tuple[str, str]]:
    text = CHANGELOG.read_text(encoding="utf-8")
    pending = {pair for pair in _pending().values() if pair is not None}
    return first_versions(text) | released_changes(text) | pending


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.id)
def test_every_rule_version_is_in_the_changelog(rule: Rule) -> None:
    assert (rule.id, rule.version) in _named(), (
        f"{rule.id} is at version {rule.version}, which neither CHANGELOG.md nor a "
        f"fragment changelog.d/{rule.id}.rule.md names; see changelog.d/README.md"
    )


def test_rule_fragments_are_in_shape_and_name_registered_rules() -> None:
    known = {rule.id: rule.version for rule in rules()}
    for name, pair in _pending().items():
        assert pair is not None, f"changelog.d/{name} is not in the documented shape"
        rule_id, version = pair
        assert rule_id in known, f"changelog.d/{name} names no registered rule"
        assert _number(version) <= _number(known[rule_id]), (
            f"changelog.d/{name} names version {version}, newer than the rule's "
            f"{known[rule_id]}"
        )


def test_every_rule_has_a_first_version() -> None:
    listed = {rule for rule, _ in first_versions(CHANGELOG.read_text(encoding="utf-8"))}
    registered = {rule.id for rule in rules()}
    # A rule added after the first release has no first-release row; its first
    # version must then be named by a fragment or a released entry.
    for rule in registered - listed:
        assert any(r == rule for r, _ in _named()), rule


def test_the_parsers_see_what_they_must() -> None:
    released = (
        "- Version 2026.1. Impacted: every decision. A stored decision may now come "
        "out as: undetermined. Because. (`ui_skill`)"
    )
    assert released_changes(released) == {("ui_skill", "2026.1")}
    assert released_changes(released.replace("Impacted", "Affects")) == set()
    assert fragment_change(
        "chains.leader.rule.2.md",
        "Version 2026.2. Impacted: a. A stored decision may now come out as: b. c.",
    ) == ("chains.leader", "2026.2")
    assert fragment_change("chains.leader.rule.md", "Version 2026.2. Anything.") is None
    assert first_versions("| `ui_skill` | 2024.1 |") == {("ui_skill", "2024.1")}


def test_a_bumped_rule_without_a_fragment_is_caught() -> None:
    """The check cannot pass by accident: a version nobody named is missing."""
    named = _named()
    for rule in rules():
        assert (rule.id, rule.version + ".9") not in named
