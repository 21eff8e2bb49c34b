"""The in-house check characters agree with python-stdnum, and the quick tests of the
identifier types agree with their step-by-step refusals.

``skillchain`` computes the GB 11643-1999 and GB 32100-2015 check characters itself
(``skillchain._check_characters``), so ``stdnum`` is not imported with the library;
stdnum stays the independent reference here.
"""

import re
import subprocess
import sys

from hypothesis import example, given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from skillchain._check_characters import (
    CREDIT_CODE_ALPHABET,
    credit_code_check,
    resident_id_check,
)
from skillchain._identifiers import (
    _credit_code_problem,
    _credit_code_refusal,
    _resident_id_problem,
    _resident_id_refusal,
)
from skillchain._redact import redact
from skillchain.testing.strategies import credit_codes, resident_ids


digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
codes17 = st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17)


@given(digits17)
@example("00000000000000000")
@example("99999999999999999")
@example("11010519491231002")
def test_resident_id_check_agrees_with_stdnum(body: str) -> None:
    """ISO 7064 MOD 11-2 over any 17 digits, as stdnum.cn.ric computes it."""
    assert resident_id_check(body) == ric.calc_check_digit(body + "0")


@given(codes17)
@example("00000000000000000")
@example("YYYYYYYYYYYYYYYYY")
@example("91350100M000100Y4")
def test_credit_code_check_agrees_with_stdnum(body: str) -> None:
    """MOD 31 over any 17 code characters, as stdnum.cn.uscc computes it."""
    assert credit_code_check(body) == uscc.calc_check_digit(body)


@given(digits17, st.sampled_from("0123456789X"))
def test_a_wrong_resident_id_check_character_is_found(body: str, last: str) -> None:
    """Exactly one of the eleven characters completes the number, for both."""
    mine = resident_id_check(body) == last
    theirs = ric.calc_check_digit(body + "0") == last
    assert mine == theirs


@given(codes17, st.sampled_from(CREDIT_CODE_ALPHABET))
def test_a_wrong_credit_code_check_character_is_found(body: str, last: str) -> None:
    """Exactly one of the 31 characters completes the code, for both."""
    assert (credit_code_check(body) == last) == (uscc.calc_check_digit(body) == last)


def _corrupted(draw: st.DrawFn, text: str, alphabet: str) -> str:
    chars = list(text)
    for _ in range(draw(st.integers(0, 2))):
        where = draw(st.integers(0, len(chars) - 1))
        chars[where] = draw(st.sampled_from(alphabet))
    return "".join(chars)


@st.composite
def resident_id_texts(draw: st.DrawFn) -> str:
    """Valid numbers with up to two characters replaced (or a lower-case x)."""
    number = draw(resident_ids()).reveal()
    return _corrupted(draw, number, "0123456789Xx -")


@st.composite
def credit_code_texts(draw: st.DrawFn) -> str:
    """Valid codes with up to two characters replaced (lower case, I/O/S/V/Z too)."""
    code = draw(credit_codes()).code
    return _corrupted(draw, code, CREDIT_CODE_ALPHABET + "IOSVZa0 ")


@given(resident_id_texts())
@example("11010519491231002X")
@example("11010519491231002x")
@example("11010518000101002X")
@example("46000119900101002X")
def test_the_quick_resident_id_test_agrees_with_the_refusal(text: str) -> None:
    """A number passes the quick test exactly when no step-by-step check refuses it."""
    valid = _resident_id_refusal(text) is None
    assert (_resident_id_problem(text) is None) == valid
    if valid:
        assert text[17] == ric.calc_check_digit(text)


@given(credit_code_texts())
@example("91350100M000100Y43")
@example("N2100000MA5D123457")
def test_the_quick_credit_code_test_agrees_with_the_refusal(text: str) -> None:
    """A code passes the quick test exactly when no step-by-step check refuses it."""
    valid = _credit_code_refusal(text) is None
    assert (_credit_code_problem(text) is None) == valid
    if valid:
        assert text[17] == uscc.calc_check_digit(text)


def test_importing_skillchain_does_not_import_stdnum() -> None:
    """The library computes the check characters itself (stdnum is for tests)."""
    code = (
        "import sys, skillchain, skillchain.rules, skillchain.serialization; "
        "print(any(m == 'stdnum' or m.startswith('stdnum.') for m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


@st.composite
def code_tokens(draw: st.DrawFn) -> str:
    """Eighteen characters a message may hold: valid codes, corrupted, or made up."""
    how = draw(st.sampled_from(["code", "corrupted", "made up", "digits"]))
    if how == "code":
        return str(draw(credit_codes()).code)
    if how == "corrupted":
        return _corrupted(
            draw, draw(credit_codes()).code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        )
    if how == "digits":
        body = draw(st.text(alphabet="0123456789", min_size=16, max_size=16))
        letter = draw(st.sampled_from("ABCDEFGHJKLMNPQRTUWXY"))
        body += letter
        return body + uscc.calc_check_digit(body)
    return draw(
        st.text(
            alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=18, max_size=18
        )
    )


@given(code_tokens())
@example("9144030400000000J0")
@example("440304199001010011")
def test_redact_tells_a_credit_code_as_stdnum_does(token: str) -> None:
    """A token of 18 ASCII letters and digits is left unmasked as a credit code exactly
    when stdnum calls it a valid USCC and it holds a letter before its check character."""
    text = f"code {token} here"
    expected = uscc.is_valid(token) and not token[:-1].isdigit()
    masked = redact(text) != text
    if expected:
        assert not masked
    elif max(len(run) for run in re.findall(r"[0-9]+|$", token)) >= 14:
        assert masked
