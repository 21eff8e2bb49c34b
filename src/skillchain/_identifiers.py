"""Identity numbers: the resident identity number and the unified social credit code.

A resident identity number (公民身份号码) is personal data.  :class:`ResidentId`
therefore never shows more than its first six and last four characters: not in
``str()``, not in ``repr()``, not in any error message.  The full number is returned
only by the explicit :meth:`ResidentId.reveal`.

A unified social credit code (统一社会信用代码) identifies an organisation and is
public; :class:`CreditCode` shows it as it is.
"""

import re

from datetime import date
from typing import Any, Final

import attrs

from skillchain._check_characters import (
    CREDIT_CODE_ALPHABET,
    credit_code_check,
    resident_id_check,
)
from skillchain._codes import (
    DivisionCode,
    division_code_problem,
    division_digits_valid,
)
from skillchain._errors import validator_from_problem
from skillchain._labels import LabelledEnum, set_labels
from skillchain._redact import redact, shorten


__all__ = [
    "CreditCode",
    "EntityCategory",
    "RegistrationAuthority",
    "ResidentId",
    "Sex",
    "mask",
]


def mask(text: str) -> str:
    """Mask the middle of a text that may be a personal identity number.

    Texts longer than ten characters keep their first six and last four characters
    and have every other character replaced by ``*``; shorter texts are masked
    entirely, so short garbage is never echoed either.

    Args:
        text: Any text.

    Returns:
        The masked text, as long as ``text``.

    Example:
        >>> from skillchain import mask
        >>> mask("11010519491231002X")
        '110105********002X'
        >>> mask("1234567890")
        '**********'
    """
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    return "*" * len(text)


class Sex(LabelledEnum):
    """Sex as recorded in a resident identity number (odd sequence: male).

    Example:
        >>> from skillchain import Sex
        >>> Sex.FEMALE.zh
        '女'
        >>> Sex("male") is Sex.MALE
        True
    """

    MALE = "male"
    """男."""
    FEMALE = "female"
    """女."""


set_labels(Sex, {Sex.MALE: ("男", "male"), Sex.FEMALE: ("女", "female")})


# --- ResidentId -------------------------------------------------------------------

_RESIDENT_ID_SHAPE: Final = re.compile(r"[0-9]{17}[0-9X]")

_RESIDENT_ID_EXPECTED: Final = (
    "18 characters: a 6-digit division code, an 8-digit birth date, a 3-digit "
    "sequence number and a check character (a digit or X)"
)


def _upper_check_character(number: str) -> str:
    raw: object = number
    if isinstance(raw, str) and raw.endswith("x"):
        return raw[:-1] + "X"
    return number


_FIRST_BIRTH_YEAR: Final = 1800
"""The earliest birth year a :class:`ResidentId` accepts (century digits ``18``)."""
_LAST_BIRTH_YEAR: Final = 2099
"""The latest birth year a :class:`ResidentId` accepts (century digits ``20``)."""

_CENTURIES: Final = frozenset(
    str(century)
    for century in range(_FIRST_BIRTH_YEAR // 100, _LAST_BIRTH_YEAR // 100 + 1)
)
"""The century digits of the birth years accepted (``18``, ``19`` and ``20``)."""

_QUOTED_LIMIT: Final = 24
"""Refused values longer than this are quoted by their ends only, or cut."""


def _quote(value: str) -> str:
    """Quote a refused would-be number: at most its first six and last four characters.

    Values of about the right length are masked like a number (:func:`mask`);
    longer ones keep the same six and four characters around an ellipsis, so the
    quote stays short and a long text never shows a division code and a birth
    date together, however its digits are written.
    """
    if len(value) <= _QUOTED_LIMIT:
        return f"'{mask(value)}'"
    return repr(redact(f"{value[:6]}…{value[-4:]}"))


def _resident_id_problem(value: object) -> str | None:
    if (
        type(value) is str
        and _RESIDENT_ID_SHAPE.fullmatch(value)
        and division_digits_valid(value[:6])
        and value[6:8] in _CENTURIES
        and value[17] == resident_id_check(value)
    ):
        try:
            # Eight ASCII digits: the basic form YYYYMMDD.
            date.fromisoformat(value[6:14])
        except ValueError:
            pass
        else:
            return None
    return _resident_id_refusal(value)


def _resident_id_refusal(value: object) -> str | None:
    """What is wrong with a would-be number, in the order the checks are described."""
    # The quote is made only for a refused value: a valid number costs no masking.
    if not isinstance(value, str):
        return f"got a value of type {type(value).__name__}, not a str"
    if len(value) != 18:
        return f"{_quote(value)} has {len(value)} characters"
    if not _RESIDENT_ID_SHAPE.fullmatch(value):
        return (
            f"{_quote(value)} is not 17 digits followed by a digit or X"
            " (no spaces or other characters are allowed)"
        )
    if division_code_problem(value[:6]) is not None:
        return f"{_quote(value)} does not start with a valid division code"
    try:
        # Eight ASCII digits (checked above): the basic form YYYYMMDD.
        born = date.fromisoformat(value[6:14])
    except ValueError:
        return f"{_quote(value)} has a birth date that is not a calendar date"
    if not _FIRST_BIRTH_YEAR <= born.year <= _LAST_BIRTH_YEAR:
        return (
            f"{_quote(value)} has a birth year outside "
            f"{_FIRST_BIRTH_YEAR}-{_LAST_BIRTH_YEAR}"
        )
    if value[17] != resident_id_check(value):
        return (
            f"{_quote(value)} has the wrong check character "
            "(ISO 7064 MOD 11-2); a character was probably mistyped"
        )
    return None


_check_resident_id = validator_from_problem(
    _resident_id_problem, field="ResidentId", expected=_RESIDENT_ID_EXPECTED
)


@attrs.frozen(repr=False, eq=False)
class ResidentId:
    """A resident identity number (公民身份号码, GB 11643-1999).

    Eighteen characters: a six-digit address (division) code, the birth date as
    ``YYYYMMDD``, a three-digit sequence number (odd for men, even for women) and a
    check character computed with ISO 7064 MOD 11-2 (``0``-``9`` or ``X``).  A
    lower-case ``x`` is accepted and stored as ``X``; nothing else is normalised.

    The division code is checked as a :class:`DivisionCode` (which accepts Hainan's
    county codes ``460001``-``460039`` of 1988-2002: people keep their number for
    life).  The birth date must be a calendar date in the years 1800 to 2099.  The
    standard writes the year with four digits, and numbers were issued (or converted
    from 15-digit numbers) to people born in the 19th, 20th and 21st centuries, so
    the century digits are ``18``, ``19`` or ``20``.  A birth date after the day a
    number is checked is impossible too, but the type cannot know that day (it
    reads no clock), so a rule that needs it compares :attr:`birth_date` with its
    evaluation day.

    The number is personal data, so ``str()``, ``repr()`` and every error message
    show at most its first six and last four characters (see :func:`mask`).  Only
    :meth:`reveal` returns it in full.  Instances compare and hash by the full
    number, but the number is not an attrs field that takes part in equality, so
    tools that describe a failed ``==`` field by field (pytest's assertion diff)
    show only the masked ``repr``.  Serialisers that walk attrs fields
    (``attrs.asdict``, cattrs) see the full number: treat their output as personal
    data.

    Args:
        number: The 18-character number.

    Raises:
        InvalidValueError: If ``number`` is not a well-formed number with a valid
            birth date and check character.

    Example:
        >>> from skillchain import ResidentId, Sex
        >>> rid = ResidentId("11010519491231002x")
        >>> rid
        ResidentId('110105********002X')
        >>> print(rid)
        110105********002X
        >>> rid.birth_date
        datetime.date(1949, 12, 31)
        >>> rid.sex is Sex.FEMALE
        True
        >>> rid.division
        DivisionCode('110105')
        >>> rid.reveal()
        '11010519491231002X'
        >>> ResidentId("110105194912310021")
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: ResidentId: '110105********0021' has the wrong check character ...
    """

    _number: str = attrs.field(
        alias="number",
        converter=_upper_check_character,
        validator=_check_resident_id,
        eq=False,
    )

    def reveal(self) -> str:
        """Return the full, unmasked number.

        Call this only where the full number is really needed (e.g. to send it to
        the system of record); never log the result.

        Returns:
            The 18-character number, with an upper-case ``X`` if it has one.
        """
        return self._number

    @property
    def masked(self) -> str:
        """The number with all but its first six and last four characters masked."""
        return mask(self._number)

    @property
    def birth_date(self) -> date:
        """The date of birth, from characters 7-14."""
        number = self._number
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))

    @property
    def sex(self) -> Sex:
        """The sex, from the parity of the sequence number (odd: male)."""
        return Sex.MALE if int(self._number[16]) % 2 else Sex.FEMALE

    @property
    def division(self) -> DivisionCode:
        """The address code: the division where the number was first issued."""
        return DivisionCode(self._number[:6])

    def __eq__(self, other: object) -> bool:
        """Compare by the full number (ids of different people are never equal)."""
        if not isinstance(other, ResidentId):
            return NotImplemented
        return self._number == other._number

    def __hash__(self) -> int:
        """Hash by the full number."""
        return hash((ResidentId, self._number))

    def __str__(self) -> str:
        """Return the masked number."""
        return self.masked

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty-print masked (IPython and Hypothesis' failure reports use this)."""
        del cycle
        printer.text(repr(self))

    def __repr__(self) -> str:
        """Return ``ResidentId('<masked number>')``."""
        return f"ResidentId('{self.masked}')"


# --- CreditCode -------------------------------------------------------------------

_AUTHORITIES: Final[dict[str, tuple[str, str]]] = {
    "1": ("机构编制", "establishment administration"),
    "2": ("外交", "foreign affairs"),
    "3": ("司法行政", "judicial administration"),
    "4": ("文化", "culture"),
    "5": ("民政", "civil affairs"),
    "6": ("旅游", "tourism"),
    "7": ("宗教", "religious affairs"),
    "8": ("工会", "trade unions"),
    "9": ("工商", "industry and commerce"),
    "A": (
        "中央军委改革和编制办公室",
        "Reform and Establishment Office of the Central Military Commission",
    ),
    "N": ("农业", "agriculture"),
    "Y": ("其他", "other"),
}


class RegistrationAuthority(LabelledEnum):
    """The registration authority (登记管理部门), character 1 of a credit code.

    The value is the code character (GB 32100-2015, table 1).

    Example:
        >>> from skillchain import RegistrationAuthority
        >>> RegistrationAuthority("9").zh
        '工商'
        >>> RegistrationAuthority.CIVIL_AFFAIRS.code
        '5'
    """

    ESTABLISHMENT = "1"
    """机构编制."""
    FOREIGN_AFFAIRS = "2"
    """外交."""
    JUDICIAL_ADMINISTRATION = "3"
    """司法行政."""
    CULTURE = "4"
    """文化."""
    CIVIL_AFFAIRS = "5"
    """民政."""
    TOURISM = "6"
    """旅游."""
    RELIGIOUS_AFFAIRS = "7"
    """宗教."""
    TRADE_UNIONS = "8"
    """工会."""
    INDUSTRY_AND_COMMERCE = "9"
    """工商 (now market regulation)."""
    MILITARY_ESTABLISHMENT = "A"
    """中央军委改革和编制办公室."""
    AGRICULTURE = "N"
    """农业."""
    OTHER = "Y"
    """其他."""

    @property
    def code(self) -> str:
        """The code character."""
        return self.value


set_labels(
    RegistrationAuthority, {a: _AUTHORITIES[a.value] for a in RegistrationAuthority}
)

_CATEGORIES: Final[dict[str, tuple[str, str]]] = {
    "11": ("机关", "government organ"),
    "12": ("事业单位", "public institution"),
    "13": ("群众团体", "mass organisation"),
    "19": ("其他", "other (establishment administration)"),
    "51": ("社会团体", "social organisation"),
    "52": ("民办非企业单位", "private non-enterprise unit"),
    "53": ("基金会", "foundation"),
    "59": ("其他", "other (civil affairs)"),
    "91": ("企业", "enterprise"),
    "92": ("个体工商户", "individual business"),
    "93": ("农民专业合作社", "farmers' specialised cooperative"),
}


class EntityCategory(LabelledEnum):
    """The entity category (机构类别), characters 1-2 of a credit code.

    The value is the two-character prefix.  Only the categories of the
    establishment (1), civil-affairs (5) and industry-and-commerce (9) authorities
    are listed; for the other authorities :attr:`CreditCode.entity_category` is
    ``None``.

    Example:
        >>> from skillchain import EntityCategory
        >>> EntityCategory("91").zh
        '企业'
        >>> EntityCategory.FOUNDATION.authority.zh
        '民政'
    """

    GOVERNMENT_ORGAN = "11"
    """机关."""
    PUBLIC_INSTITUTION = "12"
    """事业单位."""
    MASS_ORGANISATION = "13"
    """群众团体."""
    OTHER_ESTABLISHMENT = "19"
    """其他 (under the establishment authority)."""
    SOCIAL_ORGANISATION = "51"
    """社会团体."""
    PRIVATE_NON_ENTERPRISE_UNIT = "52"
    """民办非企业单位."""
    FOUNDATION = "53"
    """基金会."""
    OTHER_CIVIL_AFFAIRS = "59"
    """其他 (under the civil-affairs authority)."""
    ENTERPRISE = "91"
    """企业."""
    INDIVIDUAL_BUSINESS = "92"
    """个体工商户."""
    FARMERS_COOPERATIVE = "93"
    """农民专业合作社."""

    @property
    def authority(self) -> RegistrationAuthority:
        """The registration authority the category belongs to."""
        return RegistrationAuthority(self.value[0])

    @property
    def code(self) -> str:
        """The category character (character 2 of the credit code)."""
        return self.value[1]


set_labels(EntityCategory, {c: _CATEGORIES[c.value] for c in EntityCategory})

#: Authorities whose entity categories are listed: only those categories are valid.
_LISTED_AUTHORITIES: Final = frozenset(key[0] for key in _CATEGORIES)

_CREDIT_CODE_EXPECTED: Final = (
    "18 characters from '0123456789ABCDEFGHJKLMNPQRTUWXY' (GB 32100-2015): "
    "registration authority, entity category, 6-digit division code, 9-character "
    "subject identifier and a MOD 31 check character, e.g. '91350100M000100Y43'"
)


NATIONAL_REGISTRATION: Final = "100000"
"""Characters 3-8 of a credit code registered by a national (central) authority."""


# Code characters throughout, a known authority and, for the authorities whose
# categories are listed, one of those categories: the quick test of a valid code.
_CREDIT_CODE_HEAD: Final = re.compile(
    "(?:{listed}|[{others}][{alphabet}])[{alphabet}]{{16}}".format(
        listed="|".join(sorted(_CATEGORIES)),
        others="".join(sorted(set(_AUTHORITIES) - _LISTED_AUTHORITIES)),
        alphabet=CREDIT_CODE_ALPHABET,
    )
)


def _credit_code_problem(value: object) -> str | None:
    if type(value) is str and _CREDIT_CODE_HEAD.fullmatch(value):
        division = value[2:8]
        if (
            division == NATIONAL_REGISTRATION
            or (division.isdigit() and division_digits_valid(division))
        ) and value[17] == credit_code_check(value):
            return None
    return _credit_code_refusal(value)


_CREDIT_CODE_CHARACTERS: Final = re.compile(f"[{CREDIT_CODE_ALPHABET}]*")


def _credit_code_refusal(value: object) -> str | None:
    """What is wrong with a would-be code, in the order the checks are described."""
    # The quote is made only for a refused value: a valid code costs no masking.
    if not isinstance(value, str):
        return f"got a value of type {type(value).__name__}, not a str"
    if len(value) != 18:
        return f"{_quote_code(value)} has {len(value)} characters"
    if not _CREDIT_CODE_CHARACTERS.fullmatch(value):
        bad = sorted({c for c in value if c not in CREDIT_CODE_ALPHABET})
        hint = " (letters must be upper-case)" if any(c.islower() for c in bad) else ""
        return (
            f"{_quote_code(value)} contains {''.join(bad)!r}, not in the code "
            f"alphabet{hint}"
        )
    if value[0] not in _AUTHORITIES:
        return f"{_quote_code(value)} has unknown registration authority {value[0]!r}"
    if value[0] in _LISTED_AUTHORITIES and value[:2] not in _CATEGORIES:
        authority = RegistrationAuthority(value[0])
        listed = ", ".join(k[1] for k in _CATEGORIES if k[0] == value[0])
        return (
            f"{_quote_code(value)} has entity category {value[1]!r}, which authority "
            f"{value[0]!r} ({authority.zh}) does not use (it uses {listed})"
        )
    division = (
        None
        if value[2:8] == NATIONAL_REGISTRATION
        else division_code_problem(value[2:8])
    )
    if division is not None:
        return f"{_quote_code(value)} has an invalid division code: {division}"
    if value[17] != credit_code_check(value):
        return (
            f"{_quote_code(value)} has the wrong check character (MOD 31); "
            "a character was probably mistyped"
        )
    return None


def _quote_code(value: str) -> str:
    """Quote a refused would-be credit code: cut short, anything like an ID masked."""
    return repr(shorten(value, _QUOTED_LIMIT))


_check_credit_code = validator_from_problem(
    _credit_code_problem, field="CreditCode", expected=_CREDIT_CODE_EXPECTED
)


@attrs.frozen(repr=False)
class CreditCode:
    """A unified social credit code (统一社会信用代码, GB 32100-2015).

    Eighteen characters over the 31-character alphabet
    ``0123456789ABCDEFGHJKLMNPQRTUWXY`` (no I, O, S, V or Z):

    ====== =====================================================
    1      registration authority (:class:`RegistrationAuthority`)
    2      entity category (:class:`EntityCategory`)
    3-8    division code of the registering authority
    9-17   subject identifier (主体标识码, the old organisation code)
    18     check character, MOD 31 with weights 3\\ :sup:`i-1` mod 31
    ====== =====================================================

    Nothing is normalised: lower-case letters are rejected.  Codes are not personal
    data and are shown in full.

    Args:
        code: The 18-character code.

    Raises:
        InvalidValueError: If ``code`` is not well formed or its check character is
            wrong.

    Example:
        >>> from skillchain import CreditCode
        >>> code = CreditCode("91350100M000100Y43")
        >>> code.registration_authority.zh, code.entity_category.zh
        ('工商', '企业')
        >>> code.division, code.subject_id
        (DivisionCode('350100'), 'M000100Y4')
        >>> CreditCode("91350100M000100Y44")
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: CreditCode: '91350100M000100Y44' has the wrong check character ...
    """

    code: str = attrs.field(validator=_check_credit_code)
    """The 18-character code."""

    @property
    def registration_authority(self) -> RegistrationAuthority:
        """The registration authority (character 1)."""
        return RegistrationAuthority(self.code[0])

    @property
    def entity_category(self) -> EntityCategory | None:
        """The entity category (characters 1-2), or ``None`` where it is not listed."""
        if self.code[:2] in _CATEGORIES:
            return EntityCategory(self.code[:2])
        return None

    @property
    def division(self) -> DivisionCode | None:
        """The division code of the registering authority (characters 3-8).

        ``None`` when those characters are ``100000``, which marks registration by a
        national (central) authority rather than a division.
        """
        if self.code[2:8] == NATIONAL_REGISTRATION:
            return None
        return DivisionCode(self.code[2:8])

    @property
    def subject_id(self) -> str:
        """The subject identifier (主体标识码, characters 9-17)."""
        return self.code[8:17]

    def __str__(self) -> str:
        """Return the code."""
        return self.code

    def __repr__(self) -> str:
        """Return ``CreditCode('<code>')``."""
        return f"CreditCode({self.code!r})"
