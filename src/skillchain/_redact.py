"""Masking anything that looks like a personal identity number in text the library prints.

An identity number can reach a message in many shapes: typed with a Chinese input
method (full-width digits ``４４０３０４…``), grouped with spaces or hyphens
(``440304 19900101 0011``), embedded in a longer value, or cut short.  What must
never be shown is the run of the division code and the birth date (14 digits).
:func:`redact` therefore masks every run of at least 14 decimal digits -- in any
script, with short runs of separators between them -- keeping only its first six
and last four digits, the way :func:`~skillchain.mask` does.  A run made only of
ISO dates (``2024-01-01 2024-12-31``) is left as it is, and so is a valid unified
social credit code that holds a letter before its check character (public, and never
an identity number).
"""

import re
import unicodedata

from typing import Final

from skillchain._check_characters import CREDIT_CODE_ALPHABET, credit_code_check


__all__ = [
    "DIGITS_SHOWN",
    "PATH_LIMIT",
    "SHOWN_LIMIT",
    "display_width",
    "redact",
    "shorten",
    "shorten_path",
]

DIGITS_SHOWN: Final = 14
"""Runs with this many digits or more are masked (division code plus birth date)."""

SHOWN_LIMIT: Final = 60
"""The default number of characters of an echoed value that a message shows."""

PATH_LIMIT: Final = 200
"""The default number of characters of a file path that a message shows."""

_SEPARATOR: Final = (
    "[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000"  # spaces, no line breaks
    "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"  # hyphens and dashes
    "_./\u00b7\u30fb\uff0e\uff0f\uff3f]"  # other joiners
)
# \d is any decimal digit (Unicode category Nd), so full-width and other scripts count.
_RUN: Final = re.compile(
    rf"\d(?:{_SEPARATOR}{{0,3}}\d)*(?:{_SEPARATOR}{{0,3}}[Xx\uff38\uff58])?"
)
_DATES_ONLY: Final = re.compile(
    rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:{_SEPARATOR}{{1,3}}[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})*"
)
_TOKEN_CHARACTERS: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A credit code that can be told from an identity number: eight digits (authority,
# category, division), then code characters with at least one letter before the
# check character.
_CREDIT_CODE: Final = re.compile(
    f"[0-9]{{8}}(?=[0-9]{{0,8}}[A-Z])[{CREDIT_CODE_ALPHABET}]{{10}}"
)
_CODE_LENGTH: Final = 18
_KEEP_HEAD: Final = 6
_KEEP_TAIL: Final = 4


def _is_credit_code(match: "re.Match[str]") -> bool:
    """Whether the run lies in a valid credit code that holds a letter (never an ID)."""
    text = match.string
    start, end = match.start(), match.end()
    while start > 0 and text[start - 1] in _TOKEN_CHARACTERS:
        start -= 1
    while end < len(text) and text[end] in _TOKEN_CHARACTERS:
        end += 1
    token = text[start:end]
    return (
        len(token) == _CODE_LENGTH
        and _CREDIT_CODE.fullmatch(token) is not None
        and token[17] == credit_code_check(token)
    )


def _mask_run(match: "re.Match[str]") -> str:
    run = match.group()
    digits = sum(1 for ch in run if ch.isdecimal())
    if digits < DIGITS_SHOWN or _DATES_ONLY.fullmatch(run) or _is_credit_code(match):
        return run
    # The check character X counts among the last four shown, as in mask().
    counted = digits + (0 if run[-1].isdecimal() else 1)
    out: list[str] = []
    seen = 0
    for ch in run:
        if ch.isdecimal():
            seen += 1
            hidden = _KEEP_HEAD < seen <= counted - _KEEP_TAIL
            out.append("*" if hidden else ch)
        else:
            out.append(ch)
    return "".join(out)


def redact(text: str) -> str:
    """Mask every run in *text* that could hold an identity number's first 14 digits.

    A run is a sequence of decimal digits in any script (ASCII, full-width, ...),
    optionally separated by up to three spaces, hyphens, dashes, dots or slashes, optionally followed by a check character ``X``.  A run with 14 digits or
    more keeps its first six and last four digits and has the others replaced by
    ``*``; separators are kept, so the result is as long as *text*.  A run made only
    of ISO dates is not masked, nor one inside a valid credit code with a letter
    before its check character.

    Args:
        text: Any text, typically a message that quotes input.

    Returns:
        The text with every such run masked.

    Example:
        >>> from skillchain import redact
        >>> redact("id 440304 19900101 0011 refused")
        'id 440304 ******** 0011 refused'
        >>> redact("４４０３０４１９９００１０１００１１")
        '４４０３０４********００１１'
        >>> redact("from 2024-01-01 2024-12-31, 5500 yuan")
        'from 2024-01-01 2024-12-31, 5500 yuan'
        >>> redact("led by 9144030400000000J0")
        'led by 9144030400000000J0'
    """
    return _RUN.sub(_mask_run, text)


def shorten(text: str, limit: int = SHOWN_LIMIT) -> str:
    """Cut *text* to at most *limit* characters (ending in ``…`` if cut) and redact it.

    The text is cut before it is masked, so a very long value costs no more than a
    short one; a cut that leaves 14 or more digits of a run still masks them.

    Example:
        >>> from skillchain._redact import shorten
        >>> shorten("440304199001010011" * 3, limit=20)
        '440304*********0114…'
    """
    if len(text) <= limit:
        return redact(text)
    return redact(text[: limit - 1]) + "…"


def shorten_path(path: str, limit: int = PATH_LIMIT) -> str:
    """*path* as a message shows it: masked, and cut at its start if very long.

    The end of a path (the file's name) says the most, so a long path loses its
    beginning.

    Example:
        >>> from skillchain._redact import shorten_path
        >>> shorten_path("in/440304199001010011.csv")
        'in/440304********0011.csv'
        >>> shorten_path("a/" * 20 + "people.csv", limit=12)
        '…/people.csv'
    """
    if len(path) <= limit:
        return redact(path)
    return "…" + redact(path[-(limit - 1) :])


def display_width(text: str) -> int:
    """The columns *text* takes in a terminal: a wide or full-width (Chinese)
    character takes two, any other one.

    Example:
        >>> from skillchain._redact import display_width
        >>> display_width("基线"), display_width("baseline")
        (4, 8)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
