"""Enums whose members carry a Chinese and an English label."""

import enum

from collections.abc import Mapping
from typing import Literal, TypeVar


__all__ = ["LabelledEnum", "Lang", "set_labels"]

Lang = Literal["zh", "en"]
"""A language the explanations are written in: ``"zh"`` (Chinese) or ``"en"`` (English)."""

_LABELS: dict[enum.Enum, tuple[str, str]] = {}

E = TypeVar("E", bound="LabelledEnum")


class LabelledEnum(enum.Enum):
    """Base class of the domain's enums: ASCII values, Chinese and English labels.

    A subclass defines its members, then registers one ``(zh, en)`` pair for every
    member with ``set_labels``; registering an incomplete table fails at import,
    so a member can never be shown without its labels.

    Example:
        >>> from skillchain.model import EnterpriseSize
        >>> EnterpriseSize.MEDIUM.zh, EnterpriseSize.MEDIUM.en
        ('中型', 'medium')
        >>> EnterpriseSize.MEDIUM.label("en")
        'medium'
    """

    @property
    def zh(self) -> str:
        """The Chinese label."""
        return _LABELS[self][0]

    @property
    def en(self) -> str:
        """The English label."""
        return _LABELS[self][1]

    def label(self, lang: Lang = "zh") -> str:
        """The label in *lang*."""
        zh, en = _LABELS[self]
        return zh if lang == "zh" else en


# A member is its own identity (members are singletons and compare by identity),
# so hashing by identity is exact, and it is done in C: rules look members up in
# sets and tables many times per case.  (Set after the class, so type checkers see
# Enum's own signature.)
LabelledEnum.__hash__ = object.__hash__  # type: ignore[method-assign]


def set_labels(cls: type[E], labels: Mapping[E, tuple[str, str]]) -> None:
    """Register the ``(zh, en)`` labels of every member of *cls*.

    Raises:
        ValueError: A member has no labels, a label is empty, or a key is not a
            member of *cls*.
    """
    missing = [m.name for m in cls if m not in labels]
    foreign = [k for k in labels if not isinstance(k, cls)]
    empty = [
        m.name for m, (zh, en) in labels.items() if not zh.strip() or not en.strip()
    ]
    if missing or foreign or empty:
        msg = (
            f"labels of {cls.__name__}: missing {missing}, not members {foreign}, "
            f"empty {empty}"
        )
        raise ValueError(msg)
    _LABELS.update((member, pair) for member, pair in labels.items())
