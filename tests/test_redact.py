"""redact(): identity-number-like runs are masked in every script and grouping."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from skillchain import ResidentId, redact
from skillchain._redact import shorten, shorten_path
from skillchain.testing.strategies import resident_ids


FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")
SEPARATORS = " -\u3000\u2013./_\u00a0"


def visible_digits(text: str) -> str:
    """The text's digits in ASCII, with everything that is not a digit removed."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdecimal())


def shows_head(text: str, number: str) -> bool:
    """Whether the division code plus birth date (14 digits) can be read in *text*."""
    return number[:14] in visible_digits(text)


def forms(number: str, separator: str) -> list[str]:
    return [
        number,
        number.lower(),
        number.translate(FULL_WIDTH),
        separator.join((number[:6], number[6:14], number[14:])),
        separator.join(number[i : i + 4] for i in range(0, 18, 4)),
        separator.join(number),
        f"label-{number}-tail",
        f"金额5500元，证号{number}。",
    ]


@given(resident_ids(), st.sampled_from(SEPARATORS), st.integers(14, 18))
def test_no_form_of_a_number_shows_its_division_code_and_birth_date(
    rid: ResidentId, separator: str, cut: int
) -> None:
    number = rid.reveal()
    for form in [*forms(number, separator), number[:cut]]:
        assert shows_head(form, number), "the checker must see the plain form"
        masked = redact(form)
        assert not shows_head(masked, number), masked
        assert len(masked) == len(form)


@given(st.text())
def test_redact_is_idempotent_and_keeps_length(text: str) -> None:
    once = redact(text)
    assert len(once) == len(text)
    assert redact(once) == once


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.integers(2, 80))
def test_shorten_is_bounded(text: str, limit: int) -> None:
    shown = shorten(text, limit)
    assert len(shown) <= limit
    assert shown == redact(text) if len(text) <= limit else shown.endswith("…")


def test_short_numbers_dates_and_amounts_are_left_alone() -> None:
    text = "2024-01-01 2024-12-31: 1234567890123 yuan, 5500.00, case 12"
    assert redact(text) == text


def test_the_first_six_and_last_four_digits_stay() -> None:
    assert redact("440304 19900101 0011") == "440304 ******** 0011"
    assert redact("44030419900101") == "440304****0101"
    assert redact("11010519491231002X") == "110105********002X"


def test_a_long_value_is_cut_before_it_is_masked() -> None:
    shown = shorten("4403041990010100" * 1_000_000)
    assert len(shown) == 60
    assert not shows_head(shown, "440304199001010011")


def test_a_credit_code_with_a_letter_is_public_and_left_alone() -> None:
    assert redact("led by 9144030400000000J0.") == "led by 9144030400000000J0."
    # All digits but the check character: it could be an identity number cut short.
    assert redact("914403040000000001") == "914403********0001"
    # One character off: no longer a valid code, so the digits are masked.
    assert redact("9144030400000000J1") == "914403******0000J1"


@given(resident_ids(), st.text(alphabet="ABCDEFGHJKLMNPQRTUWY", min_size=1, max_size=3))
def test_a_number_glued_to_letters_is_still_masked(rid: ResidentId, tail: str) -> None:
    number = rid.reveal()
    assert not shows_head(redact(number + tail), number)


def test_a_long_path_keeps_its_end_and_is_masked() -> None:
    path = "uploads/" * 40 + "440304199001010011.csv"
    shown = shorten_path(path, limit=40)
    assert len(shown) == 40
    assert shown.startswith("…")
    assert shown.endswith("********0011.csv")
    assert shorten_path("in/a.csv") == "in/a.csv"
