"""Classification codes: administrative divisions and occupations.

Both types check the *shape* of a code only.  Whether a code exists (and what it is
called) is a question for the catalog, which is loaded separately.
"""

import re

from typing import Final, Literal

import attrs

from skillchain._errors import validator_from_problem
from skillchain._redact import shorten
from skillchain.errors import InvalidValueError


__all__ = [
    "FUTIAN",
    "DivisionCode",
    "OccupationCode",
]

#: The first two digits of every province-level division in GB/T 2260
#: (including 71 Taiwan, 81 Hong Kong and 82 Macao).
_PROVINCE_PREFIXES: Final = frozenset(
    {
        *(f"{n}" for n in range(11, 16)),
        *(f"{n}" for n in range(21, 24)),
        *(f"{n}" for n in range(31, 38)),
        *(f"{n}" for n in range(41, 47)),
        *(f"{n}" for n in range(50, 55)),
        *(f"{n}" for n in range(61, 66)),
        "71",
        "81",
        "82",
    }
)

#: Counties and county-level cities directly under Hainan province from 1988 to
#: 2002, coded under the prefecture part ``00`` (``4600xx``) until GB/T 2260 moved
#: them to ``4690xx``.  Identity numbers issued there keep these codes for life.
_HAINAN_1988_2002: Final = frozenset(
    {
        *(f"4600{n:02d}" for n in range(1, 8)),  # 通什 (五指山), 琼海 ... 东方 市
        *(f"4600{n:02d}" for n in range(21, 40)),  # 琼山县 ... 中沙群岛
    }
)

_SIX_DIGITS: Final = re.compile(r"[0-9]{6}")

_DIVISION_EXPECTED: Final = (
    "6 ASCII digits (GB/T 2260) starting with a province prefix "
    "(11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81 or 82), "
    "e.g. '440304'"
)


def division_code_problem(value: object) -> str | None:
    """Say what is wrong with a would-be division code, or ``None`` if nothing is.

    Shared with the identifier types, which embed a division code.  The problem text
    quotes only the value itself, which is never more than six characters when it
    has the right length; longer values are described, not quoted.
    """
    if not isinstance(value, str):
        return f"got a value of type {type(value).__name__}, not a str"
    if len(value) != 6:
        return f"got {len(value)} characters"
    if not _SIX_DIGITS.fullmatch(value):
        return f"{value!r} is not all ASCII digits"
    if value[:2] not in _PROVINCE_PREFIXES:
        return f"{value!r} has no province prefix {value[:2]!r}"
    if value[2:4] == "00" and value[4:] != "00" and value not in _HAINAN_1988_2002:
        return f"{value!r} is a county-level code under prefecture part '00'"
    return None


def division_digits_valid(digits: str) -> bool:
    """Whether six ASCII digits make a valid division code (the caller checked the digits).

    The same verdict as :func:`division_code_problem`, without the message: the
    quick test of the identifier types, which embed a division code.
    """
    return digits[:2] in _PROVINCE_PREFIXES and (
        digits[2:4] != "00" or digits[4:] == "00" or digits in _HAINAN_1988_2002
    )


_check_division = validator_from_problem(
    division_code_problem, field="DivisionCode", expected=_DIVISION_EXPECTED
)


@attrs.frozen(order=True, repr=False)
class DivisionCode:
    """A six-digit administrative division code (行政区划代码, GB/T 2260).

    The code is checked for shape only: six ASCII digits, a real province prefix,
    and no county part under a ``00`` prefecture part.  The one exception is
    Hainan: from 1988 to 2002 its counties and county-level cities directly under
    the province were coded ``460001``-``460007`` and ``460021``-``460039`` (26
    codes, e.g. ``460034`` 陵水), and identity numbers issued there keep those codes,
    so they are accepted; their :attr:`prefecture` is the province.  Codes order as
    strings, so a province sorts before its prefectures and counties.

    Args:
        code: The six digits, e.g. ``"440304"`` (Futian District).

    Raises:
        InvalidValueError: If ``code`` is not of that shape.

    Example:
        >>> from skillchain import DivisionCode
        >>> futian = DivisionCode("440304")
        >>> futian.level
        'county'
        >>> futian.prefecture
        DivisionCode('440300')
        >>> futian.province
        DivisionCode('440000')
        >>> str(futian)
        '440304'
        >>> DivisionCode("990000")
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: DivisionCode: '990000' has no province prefix '99'; expected ...
    """

    code: str = attrs.field(validator=_check_division)
    """The six digits."""

    @property
    def level(self) -> Literal["province", "prefecture", "county"]:
        """The level the code names, read from its trailing zeros.

        Returns:
            ``"province"`` for ``xx0000``, ``"prefecture"`` for ``xxxx00``, otherwise
            ``"county"``.
        """
        if self.code.endswith("0000"):
            return "province"
        if self.code.endswith("00"):
            return "prefecture"
        return "county"

    @property
    def province(self) -> "DivisionCode":
        """The province-level code (``xx0000``) this code belongs to."""
        return DivisionCode(self.code[:2] + "0000")

    @property
    def prefecture(self) -> "DivisionCode":
        """The prefecture-level code (``xxxx00``); a province code returns itself."""
        return DivisionCode(self.code[:4] + "00")

    def contains(self, other: "DivisionCode") -> bool:
        """Whether *other* lies within this division (a division contains itself).

        A province contains every code with its two-digit prefix, a prefecture every
        code with its four-digit prefix, a county only itself.

        Example:
            >>> from skillchain import DivisionCode
            >>> DivisionCode("440300").contains(DivisionCode("440304"))
            True
            >>> DivisionCode("440304").contains(DivisionCode("440300"))
            False
        """
        code = self.code
        if code.endswith("0000"):
            return other.code[:2] == code[:2]
        if code.endswith("00"):
            return other.code[:4] == code[:4]
        return other.code == code

    def __str__(self) -> str:
        """Return the six digits."""
        return self.code

    def __repr__(self) -> str:
        """Return ``DivisionCode('440304')``."""
        return f"DivisionCode({self.code!r})"


FUTIAN: Final[DivisionCode] = DivisionCode("440304")
"""Futian District (福田区), Shenzhen, Guangdong: ``440304``."""


_OCCUPATION: Final = re.compile(r"([1-8])-([0-9]{2})-([0-9]{2})-([0-9]{2})")

_OCCUPATION_EXPECTED: Final = (
    "the 职业分类大典 (2022) form 'd-dd-dd-dd' with major category 1-8 and no "
    "non-zero group after a '00' group, e.g. '4-10-01-05'"
)


def _check_occupation(_instance: object, _attribute: object, value: str) -> None:
    raw: object = value
    if not isinstance(raw, str):
        problem = f"got a value of type {type(raw).__name__}, not a str"
    elif (match := _OCCUPATION.fullmatch(raw)) is None:
        problem = f"{shorten(raw, 20)!r} is not of the form d-dd-dd-dd"
    else:
        _, middle, minor, detail = match.groups()
        zero_then_nonzero = (middle == "00" and minor != "00") or (
            minor == "00" and detail != "00"
        )
        if not zero_then_nonzero:
            return
        problem = f"{raw!r} has a non-zero group after a '00' group"
    raise InvalidValueError(
        field="OccupationCode", problem=problem, expected=_OCCUPATION_EXPECTED
    )


@attrs.frozen(order=True, repr=False)
class OccupationCode:
    """An occupation code of the 职业分类大典 (2022 edition).

    Codes have the form ``d-dd-dd-dd``: major category (大类, 1-8), middle category
    (中类), minor category (小类) and detailed occupation (细类).  A ``00`` group
    means "not narrowed further", so no non-zero group may follow one.  Only the
    shape is checked; the catalog knows which codes exist.

    Args:
        code: The code, e.g. ``"4-10-01-05"`` (养老护理员, elderly-care worker).

    Raises:
        InvalidValueError: If ``code`` is not of that shape.

    Example:
        >>> from skillchain import OccupationCode
        >>> carer = OccupationCode("4-10-01-05")
        >>> (carer.major, carer.middle, carer.minor, carer.detail)
        (4, 10, 1, 5)
        >>> carer.is_detail
        True
        >>> OccupationCode("4-10-01-00").is_detail
        False
    """

    code: str = attrs.field(validator=_check_occupation)
    """The code in ``d-dd-dd-dd`` form."""

    @property
    def major(self) -> int:
        """The major category (大类), 1-8."""
        return int(self.code[0])

    @property
    def middle(self) -> int:
        """The middle category (中类), 0-99."""
        return int(self.code[2:4])

    @property
    def minor(self) -> int:
        """The minor category (小类), 0-99."""
        return int(self.code[5:7])

    @property
    def detail(self) -> int:
        """The detailed occupation (细类), 0-99; 0 when the code names a group."""
        return int(self.code[8:10])

    @property
    def is_detail(self) -> bool:
        """Whether the code names a detailed occupation (its last group is not 00)."""
        return self.code[8:10] != "00"

    def __str__(self) -> str:
        """Return the code in ``d-dd-dd-dd`` form."""
        return self.code

    def __repr__(self) -> str:
        """Return ``OccupationCode('4-10-01-05')``."""
        return f"OccupationCode({self.code!r})"
