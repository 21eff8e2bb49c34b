"""Check characters of the two national identifiers, computed from their standards.

* GB 11643-1999 (公民身份号码), clause 7: the 18th character of a resident identity
  number is the ISO 7064 MOD 11-2 check character of the first 17 digits.  With
  weights ``W_i = 2**(18 - i) mod 11`` (i = 1 for the first digit) and
  ``S = sum(a_i * W_i)``, the check value is ``(12 - S mod 11) mod 11``, written
  ``X`` when it is 10.
* GB 32100-2015 (法人和其他组织统一社会信用代码编码规则), clause 4.2 and
  appendix B: the 18th character of a unified social credit code is computed over
  the 31-character code alphabet ``0123456789ABCDEFGHJKLMNPQRTUWXY`` (each
  character stands for its position, 0 to 30).  With weights
  ``W_i = 3**(i - 1) mod 31`` and ``S = sum(C_i * W_i)``, the check value is
  ``31 - S mod 31`` (31 counts as 0).

Both sums are evaluated as one integer conversion: a number written in base 13
is, modulo 11, the same polynomial as in base 2 (13 = 2 mod 11), and one written
in base 34 with the digits reversed is, modulo 31, the sum with weights ``3**(i-1)``
(34 = 3 mod 31).  The callers check the characters before they ask.
"""

from typing import Final


__all__ = [
    "CREDIT_CODE_ALPHABET",
    "credit_code_check",
    "resident_id_check",
]

CREDIT_CODE_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""GB 32100-2015 code alphabet: digits and upper-case letters without I, O, S, V, Z."""

_BASE34_DIGITS: Final = "0123456789ABCDEFGHIJKLMNOPQRSTU"
"""The base-34 digit ``int()`` reads as 0, 1, ..., 30 (the alphabet's values)."""

_AS_BASE34: Final = bytes.maketrans(
    CREDIT_CODE_ALPHABET.encode("ascii"), _BASE34_DIGITS.encode("ascii")
)

_RIC_CHECK: Final = "10X98765432"
"""Check character for ``S mod 11`` = 0, 1, ..., 10 (GB 11643-1999 table)."""


def resident_id_check(body: str) -> str:
    """The check character of a resident identity number's first 17 digits.

    ISO 7064 MOD 11-2 as GB 11643-1999 specifies it.  *body* holds at least the 17
    ASCII digits (more characters, such as a check character, are ignored); the
    caller makes sure of that.

    Example:
        >>> from skillchain._check_characters import resident_id_check
        >>> resident_id_check("11010519491231002")
        'X'
    """
    # int(..., 13) is sum(a_i * 13**(17 - i)), and 13 = 2 (mod 11).
    return _RIC_CHECK[2 * int(body[:17], 13) % 11]


def credit_code_check(body: str) -> str:
    """The check character of a unified social credit code's first 17 characters.

    MOD 31 as GB 32100-2015 specifies it.  *body* holds at least the 17 characters,
    all from :data:`CREDIT_CODE_ALPHABET` (more, such as a check character, are
    ignored); the caller makes sure of that.

    Example:
        >>> from skillchain._check_characters import credit_code_check
        >>> credit_code_check("91350100M000100Y4")
        '3'
    """
    # Reversed, the 17 values are base-34 digits of sum(C_i * 34**(i - 1)), and
    # 34 = 3 (mod 31).
    total = int(body[16::-1].encode("ascii").translate(_AS_BASE34), 34)
    return CREDIT_CODE_ALPHABET[-total % 31]
