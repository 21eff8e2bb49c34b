"""The skill-level ladder (技能等级) of 人社部发〔2022〕14号."""

import enum

from typing import Final, Literal, NamedTuple

from skillchain.errors import InvalidValueError


__all__ = ["SkillLevel"]


class _Rung(NamedTuple):
    rank: int
    grade: int | None
    zh: str
    en: str


_GRADE_ZH: Final = {5: "五级", 4: "四级", 3: "三级", 2: "二级", 1: "一级"}

_RUNGS: Final[dict[str, _Rung]] = {
    "apprentice": _Rung(0, None, "学徒工", "apprentice"),
    "elementary": _Rung(1, 5, "初级工", "elementary worker"),
    "intermediate": _Rung(2, 4, "中级工", "intermediate worker"),
    "advanced": _Rung(3, 3, "高级工", "advanced worker"),
    "technician": _Rung(4, 2, "技师", "technician"),
    "senior_technician": _Rung(5, 1, "高级技师", "senior technician"),
    "special_technician": _Rung(6, None, "特级技师", "special-grade technician"),
    "chief_technician": _Rung(7, None, "首席技师", "chief technician"),
}


#: Rank by value, for fast comparisons (rules compare levels on the hot path).
_RANKS: Final[dict[str, int]] = {value: rung.rank for value, rung in _RUNGS.items()}


class SkillLevel(enum.Enum):
    """A rung of the eight-rung skill ladder (新八级工) of 人社部发〔2022〕14号.

    From the bottom: 学徒工, 初级工 (五级), 中级工 (四级), 高级工 (三级), 技师 (二级),
    高级技师 (一级), 特级技师, 首席技师.  The five middle rungs are the national
    vocational skill grades; apprentice, special-grade and chief technician have
    no grade.  Levels are totally ordered by :attr:`rank` (``<``, ``<=``, ``>``,
    ``>=``); the value is an ASCII slug.

    Example:
        >>> from skillchain import SkillLevel
        >>> level = SkillLevel.parse("四级")
        >>> level is SkillLevel.INTERMEDIATE
        True
        >>> level.zh, level.grade_zh, level.national_grade
        ('中级工', '四级', 4)
        >>> level.en
        'intermediate worker (grade 4)'
        >>> SkillLevel.TECHNICIAN > level
        True
        >>> max(SkillLevel).zh
        '首席技师'
    """

    APPRENTICE = "apprentice"
    """学徒工: no national grade."""
    ELEMENTARY = "elementary"
    """初级工, grade 5 (五级)."""
    INTERMEDIATE = "intermediate"
    """中级工, grade 4 (四级)."""
    ADVANCED = "advanced"
    """高级工, grade 3 (三级)."""
    TECHNICIAN = "technician"
    """技师, grade 2 (二级)."""
    SENIOR_TECHNICIAN = "senior_technician"
    """高级技师, grade 1 (一级)."""
    SPECIAL_TECHNICIAN = "special_technician"
    """特级技师: no national grade."""
    CHIEF_TECHNICIAN = "chief_technician"
    """首席技师: no national grade."""

    @property
    def rank(self) -> int:
        """The position on the ladder: 0 (apprentice) to 7 (chief technician)."""
        return _RUNGS[self.value].rank

    @property
    def national_grade(self) -> int | None:
        """The national vocational skill grade, 5 (lowest) to 1, or ``None``."""
        return _RUNGS[self.value].grade

    @property
    def zh(self) -> str:
        """The Chinese name, e.g. ``中级工``."""
        return _RUNGS[self.value].zh

    @property
    def grade_zh(self) -> str | None:
        """The Chinese grade name, e.g. ``四级``, or ``None`` if there is no grade."""
        grade = self.national_grade
        return None if grade is None else _GRADE_ZH[grade]

    @property
    def en(self) -> str:
        """The English name, with the grade if any: ``intermediate worker (grade 4)``."""
        rung = _RUNGS[self.value]
        return rung.en if rung.grade is None else f"{rung.en} (grade {rung.grade})"

    def label(self, lang: Literal["zh", "en"]) -> str:
        """Return a display label in the given language.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            For ``"en"``, :attr:`en`.  For ``"zh"``, :attr:`zh` followed by the grade
            in full-width parentheses when there is one, e.g. ``中级工（四级）``.

        Example:
            >>> from skillchain import SkillLevel
            >>> SkillLevel.ADVANCED.label("zh")
            '高级工（三级）'
            >>> SkillLevel.CHIEF_TECHNICIAN.label("en")
            'chief technician'
        """
        if lang == "en":
            return self.en
        grade = self.grade_zh
        return self.zh if grade is None else f"{self.zh}（{grade}）"

    @classmethod
    def parse(cls, text: str) -> "SkillLevel":
        """Read a skill level from its slug, a name, a grade or a label.

        Accepted, after trimming surrounding whitespace: the slug
        (``"intermediate"``), the Chinese name (``"中级工"``), the Chinese grade
        (``"四级"``), ``"L5"``-``"L1"`` for grades 5-1, and either :meth:`label`.
        ASCII forms are case-insensitive.

        Args:
            text: The text to read.

        Returns:
            The skill level.

        Raises:
            InvalidValueError: If the text names no level; the message lists the
                accepted forms.

        Example:
            >>> from skillchain import SkillLevel
            >>> SkillLevel.parse("L3") is SkillLevel.parse("高级工") is SkillLevel.ADVANCED
            True
        """
        raw: object = text
        if isinstance(raw, str):
            found = _PARSE_TABLE.get(raw.strip().casefold())
            if found is not None:
                return found
            shown = raw if len(raw) <= 40 else raw[:37] + "..."
            problem = f"{shown!r} is not a skill level"
        else:
            problem = f"got a value of type {type(raw).__name__}, not a str"
        raise InvalidValueError(
            field="SkillLevel", problem=problem, expected=_PARSE_EXPECTED
        )

    def __lt__(self, other: "SkillLevel") -> bool:
        """Return whether this level ranks below ``other``."""
        if other.__class__ is not SkillLevel:
            return NotImplemented
        return _RANKS[self._value_] < _RANKS[other._value_]

    def __le__(self, other: "SkillLevel") -> bool:
        """Return whether this level ranks at or below ``other``."""
        if other.__class__ is not SkillLevel:
            return NotImplemented
        return _RANKS[self._value_] <= _RANKS[other._value_]

    def __gt__(self, other: "SkillLevel") -> bool:
        """Return whether this level ranks above ``other``."""
        if other.__class__ is not SkillLevel:
            return NotImplemented
        return _RANKS[self._value_] > _RANKS[other._value_]

    def __ge__(self, other: "SkillLevel") -> bool:
        """Return whether this level ranks at or above ``other``."""
        if other.__class__ is not SkillLevel:
            return NotImplemented
        return _RANKS[self._value_] >= _RANKS[other._value_]


# Hashed by identity (members are singletons), in C: see skillchain._labels.
SkillLevel.__hash__ = object.__hash__  # type: ignore[method-assign]


def _parse_table() -> dict[str, SkillLevel]:
    table: dict[str, SkillLevel] = {}
    for level in SkillLevel:
        names = [level.value, level.zh, level.label("zh"), level.label("en")]
        if level.national_grade is not None:
            names += [f"L{level.national_grade}", _GRADE_ZH[level.national_grade]]
        for name in names:
            table[name.casefold()] = level
    return table


_PARSE_TABLE: Final = _parse_table()

_PARSE_EXPECTED: Final = (
    "a slug ("
    + ", ".join(level.value for level in SkillLevel)
    + "), a Chinese name ("
    + "、".join(level.zh for level in SkillLevel)
    + "), a grade (五级, 四级, 三级, 二级, 一级 or L5-L1) or a label such as "
    "'intermediate worker (grade 4)' or '中级工（四级）'"
)
