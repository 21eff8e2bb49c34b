"""Tests for ResidentId (GB 11643-1999), CreditCode (GB 32100-2015) and mask."""

import copy
import pickle

from datetime import date

import pytest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DivisionCode,
    EntityCategory,
    InvalidValueError,
    RegistrationAuthority,
    ResidentId,
    Sex,
    mask,
)
from skillchain._check_characters import CREDIT_CODE_ALPHABET
from skillchain.testing.strategies import credit_codes, resident_ids


pytest_plugins = ["pytester"]


# --- independent oracles, written from the standards' own tables -----------------

#: GB 11643-1999: weights W_i = 2^(18-i) mod 11 for positions 1-17.
RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
#: GB 11643-1999: check character for (sum of a_i * W_i) mod 11 = 0, 1, ..., 10.
RIC_CHECK = "10X98765432"

#: GB 32100-2015: weights W_i = 3^(i-1) mod 31 for positions 1-17.
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def ric_check(body: str) -> str:
    """Return the GB 11643 check character of 17 digits by the standard's table."""
    return RIC_CHECK[
        sum(int(c) * w for c, w in zip(body, RIC_WEIGHTS, strict=True)) % 11
    ]


def uscc_check(body: str) -> str:
    """Return the GB 32100 check character of 17 characters: C18 = 31 - (sum mod 31)."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(body, USCC_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


# --- mask ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11010519491231002X", "110105********002X"),
        ("12345678901", "123456*8901"),
        ("1234567890", "**********"),
        ("abc", "***"),
        ("", ""),
    ],
)
def test_mask_keeps_first_six_and_last_four_of_long_texts(
    text: str, expected: str
) -> None:
    """mask shows 6+4 characters of texts longer than 10 and nothing of others."""
    assert expected == mask(text)


@given(st.text())
def test_mask_never_shows_more_than_ten_characters(text: str) -> None:
    """mask keeps the length, shows at most the first 6 and last 4, stars the rest."""
    masked = mask(text)
    assert len(text) == len(masked)
    if len(text) <= 10:
        assert "*" * len(text) == masked
    else:
        assert text[:6] == masked[:6]
        assert text[-4:] == masked[-4:]
        assert "*" * (len(text) - 10) == masked[6:-4]


# --- ResidentId: the standard's examples --------------------------------------------


@pytest.mark.parametrize(
    ("number", "birth", "sex", "division"),
    [
        ("11010519491231002X", date(1949, 12, 31), Sex.FEMALE, "110105"),
        ("440524188001010014", date(1880, 1, 1), Sex.MALE, "440524"),
        ("34052419800101001X", date(1980, 1, 1), Sex.MALE, "340524"),
    ],
)
def test_resident_id_accepts_the_standards_examples(
    number: str, birth: date, sex: Sex, division: str
) -> None:
    """The GB 11643-1999 examples are valid and decode to their birth date and sex."""
    rid = ResidentId(number)
    assert number == rid.reveal()
    assert birth == rid.birth_date
    assert sex is rid.sex
    assert DivisionCode(division) == rid.division
    assert number[-1] == ric_check(number[:17])


def test_resident_id_normalises_a_lower_case_x() -> None:
    """A trailing lower-case x is accepted and stored as X."""
    rid = ResidentId("11010519491231002x")
    assert rid.reveal() == "11010519491231002X"
    assert ResidentId("11010519491231002X") == rid
    assert hash(ResidentId("11010519491231002X")) == hash(rid)


def test_resident_id_str_and_repr_are_masked() -> None:
    """str, repr, format and masked show only the first 6 and last 4 characters."""
    rid = ResidentId("11010519491231002X")
    assert str(rid) == "110105********002X"
    assert repr(rid) == "ResidentId('110105********002X')"
    assert f"{rid}" == "110105********002X"
    assert rid.masked == "110105********002X"
    assert repr([rid]) == "[ResidentId('110105********002X')]"


def test_resident_id_equality_and_hash_are_by_value() -> None:
    """Equal numbers make equal, equally hashed ids; different numbers do not."""
    a = ResidentId("440524188001010014")
    b = ResidentId("440524188001010014")
    c = ResidentId("34052419800101001X")
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2


def test_resident_id_survives_copy_and_pickle_masked() -> None:
    """Copies and unpickled ids are equal to the original and still masked."""
    rid = ResidentId("11010519491231002X")
    for clone in (copy.copy(rid), copy.deepcopy(rid), pickle.loads(pickle.dumps(rid))):  # noqa: S301 - our own bytes
        assert rid == clone
        assert repr(clone) == "ResidentId('110105********002X')"


def test_resident_id_is_frozen() -> None:
    """ResidentId cannot be changed after construction."""
    rid = ResidentId("11010519491231002X")
    with pytest.raises(AttributeError):
        rid._number = "440524188001010014"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("11010519491231002", "'110105*******1002' has 17 characters"),
        ("11010519491231002X1", "'110105*********02X1' has 19 characters"),
        (" 1010519491231002X", "' 10105********002X' is not 17 digits"),
        ("11010519491231002X ", "has 19 characters"),
        ("1101051949123100 X", "'110105********00 X' is not 17 digits"),
        ("110105194912310O2X", "'110105********0O2X' is not 17 digits"),
        ("11010519491231002Y", "is not 17 digits followed by a digit or X"),
        ("１1010519491231002X", "is not 17 digits"),
        ("110105194902310027", "'110105********0027' has a birth date that is not"),
        ("110105194913010021", "has a birth date that is not a calendar date"),
        ("110105000001010029", "has a birth date that is not a calendar date"),
        ("990105194912310026", "'990105********0026' does not start with a valid"),
        ("110005194912310021", "does not start with a valid division code"),
        ("110105194912310021", "'110105********0021' has the wrong check character"),
    ],
)
def test_resident_id_rejects_malformed_numbers(number: str, problem: str) -> None:
    """Malformed numbers are rejected with a masked, explanatory message."""
    with pytest.raises(InvalidValueError, match=r"^ResidentId: ") as info:
        ResidentId(number)
    assert info.value.field == "ResidentId"
    assert problem in info.value.problem
    assert "18 characters" in info.value.expected
    assert mask(number) in str(info.value)


def test_resident_id_rejects_non_strings_without_echoing_them() -> None:
    """An int is rejected by type, and its digits are not quoted."""
    with pytest.raises(InvalidValueError, match="got a value of type int") as info:
        ResidentId(11010519491231002)  # type: ignore[arg-type]
    assert "1231" not in str(info.value)


# --- ResidentId: properties ---------------------------------------------------------


@given(resident_ids())
def test_resident_ids_match_the_standards_check_table(rid: ResidentId) -> None:
    """The check character agrees with the standard's MOD 11-2 table."""
    number = rid.reveal()
    assert number[17] == ric_check(number[:17])


@given(resident_ids(sex=st.just(Sex.MALE)), resident_ids(sex=st.just(Sex.FEMALE)))
def test_resident_id_sex_follows_sequence_parity(
    male: ResidentId, female: ResidentId
) -> None:
    """Odd sequence numbers are male and even ones female."""
    assert Sex.MALE is male.sex
    assert Sex.FEMALE is female.sex


@settings(deadline=None)
@given(resident_ids())
def test_every_single_substitution_of_a_resident_id_is_rejected(
    rid: ResidentId,
) -> None:
    """Changing any one character to any other digit or X makes the number invalid."""
    number = rid.reveal()
    for position in range(18):
        for char in "0123456789X":
            if char == number[position]:
                continue
            mutated = number[:position] + char + number[position + 1 :]
            with pytest.raises(InvalidValueError) as info:
                ResidentId(mutated)
            assert mutated[6:14] not in str(info.value)


@given(resident_ids())
def test_resident_id_output_is_exactly_the_masked_form(rid: ResidentId) -> None:
    """str, repr and masked show the first 6 and last 4 characters, 8 stars between."""
    number = rid.reveal()
    expected = number[:6] + "********" + number[14:]
    assert expected == str(rid)
    assert expected == rid.masked
    assert f"ResidentId('{expected}')" == repr(rid)


@st.composite
def near_valid_numbers(draw: st.DrawFn) -> str:
    """Draw valid numbers with one edit: a substitution, insertion or deletion."""
    number = draw(resident_ids()).reveal()
    position = draw(st.integers(0, 17))
    char = draw(st.sampled_from("0123456789Xx -"))
    edit = draw(st.sampled_from(["substitute", "insert", "delete"]))
    if edit == "substitute":
        return number[:position] + char + number[position + 1 :]
    if edit == "insert":
        return number[:position] + char + number[position:]
    return number[:position] + number[position + 1 :]


@given(near_valid_numbers())
@example("11010519491231003x")  # lower-case x, wrong check character
def test_errors_for_near_valid_numbers_show_only_the_masked_form(text: str) -> None:
    """Error messages for near-valid input quote it masked and never its middle."""
    try:
        ResidentId(text)
    except InvalidValueError as error:
        message = str(error)
        # A trailing lower-case x is normalised to X before the number is judged.
        shown = text[:-1] + "X" if text.endswith("x") else text
        assert mask(shown) in message
        # The middle is at least 7 characters of [0-9Xx -]: the templates have no
        # such run, and the masked form shows at most 6 input characters in a row.
        assert text[6:-4] not in message


#: Characters no message template contains, to mark the part that must be masked.
MARKERS = "αβγδεζηθικλμνξπρστυφχψω"


@given(
    st.text("0123456789Xx", max_size=6),
    st.text(MARKERS, min_size=1, max_size=20),
    st.text("0123456789Xx", min_size=4, max_size=4),
)
def test_errors_for_garbage_never_show_the_masked_part(
    head: str, middle: str, tail: str
) -> None:
    """No character in the masked middle of any input appears in the error message."""
    text = head.ljust(6, "0") + middle + tail
    with pytest.raises(InvalidValueError) as info:
        ResidentId(text)
    assert not set(MARKERS) & set(str(info.value))


@given(st.text(MARKERS, max_size=10))
def test_errors_for_short_garbage_show_none_of_it(text: str) -> None:
    """Texts of ten characters or fewer are not echoed at all."""
    with pytest.raises(InvalidValueError) as info:
        ResidentId(text)
    assert not set(MARKERS) & set(str(info.value))


# --- Sex ----------------------------------------------------------------------------


def test_sex_has_chinese_names() -> None:
    """Sex.zh gives 男 and 女."""
    assert (Sex.MALE.zh, Sex.FEMALE.zh) == ("男", "女")
    assert Sex.FEMALE is Sex("female")


# --- CreditCode: the standard's examples --------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",
        "9144030400000000J0",
        "914403040000000008",
        "91110000600037341L",
        "N2440304MA5F00001K",
        "A11100000000131278",
    ],
)
def test_credit_code_accepts_valid_codes(code: str) -> None:
    """Valid codes are accepted, shown as they are, and match the MOD 31 table."""
    credit = CreditCode(code)
    assert code == str(credit)
    assert f"CreditCode('{code}')" == repr(credit)
    assert code[-1] == uscc_check(code[:17])


def test_credit_code_worked_example_check_is_3() -> None:
    """GB 32100-2015 worked example: weighted sum 1640, 1640 mod 31 = 28, check 3."""
    body = "91350100M000100Y4"
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(body, USCC_WEIGHTS, strict=True)
    )
    assert total == 1640
    assert total % 31 == 28
    assert uscc_check(body) == "3"


def test_credit_code_check_zero_when_the_sum_is_a_multiple_of_31() -> None:
    """A weighted sum divisible by 31 gives check character 0, not an index error."""
    body = "9144030400000000J"
    assert (
        sum(
            CREDIT_CODE_ALPHABET.index(c) * w
            for c, w in zip(body, USCC_WEIGHTS, strict=True)
        )
        % 31
        == 0
    )
    assert CreditCode(body + "0").code[-1] == "0"


def test_credit_code_parts() -> None:
    """A code decodes into authority, category, division and subject identifier."""
    code = CreditCode("91350100M000100Y43")
    assert RegistrationAuthority.INDUSTRY_AND_COMMERCE is code.registration_authority
    assert (
        code.registration_authority.zh,
        code.registration_authority.en,
    ) == ("工商", "industry and commerce")
    assert EntityCategory.ENTERPRISE is code.entity_category
    assert DivisionCode("350100") == code.division
    assert code.subject_id == "M000100Y4"


def test_credit_code_registered_nationally_has_no_division() -> None:
    """Characters 3-8 of 100000 mark a national registering authority, not a division."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "11100000MB0000001"
    weights = [pow(3, i, 31) for i in range(17)]
    check = alphabet[
        -sum(alphabet.index(c) * w for c, w in zip(body, weights, strict=True)) % 31
    ]
    code = CreditCode(body + check)
    assert code.division is None
    assert code.entity_category is EntityCategory(code.code[:2])


def test_credit_code_unlisted_category_is_none() -> None:
    """Authorities whose categories the sources do not list report None."""
    code = CreditCode("N2440304MA5F00001K")
    assert RegistrationAuthority.AGRICULTURE is code.registration_authority
    assert code.registration_authority.zh == "农业"
    assert code.entity_category is None


def test_entity_categories_belong_to_their_authorities() -> None:
    """Each listed category names its authority and category character."""
    assert RegistrationAuthority.CIVIL_AFFAIRS is EntityCategory.FOUNDATION.authority
    assert EntityCategory.FOUNDATION.code == "3"
    assert (
        EntityCategory.INDIVIDUAL_BUSINESS.zh,
        EntityCategory.INDIVIDUAL_BUSINESS.en,
    ) == ("个体工商户", "individual business")
    assert {"1", "5", "9"} == {c.authority.code for c in EntityCategory}


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91350100M000100Y4Z", "contains 'Z', not in the code alphabet"),
        ("91350100M000100Y44", "has the wrong check character"),
        ("91350100m000100Y43", "(letters must be upper-case)"),
        ("91350100M0O0100Y43", "contains 'O'"),
        ("91350100M000100Y4", "has 17 characters"),
        ("91350100M000100Y433", "has 19 characters"),
        (" 91350100M000100Y4", "contains ' '"),
        ("01350100M000100Y43", "unknown registration authority '0'"),
        ("B1350100M000100Y43", "unknown registration authority 'B'"),
        ("94440304MA5F00001T", "entity category '4', which authority '9' (工商)"),
        ("91990000MA5F000011", "invalid division code: '990000' has no province"),
    ],
)
def test_credit_code_rejects_malformed_codes(code: str, problem: str) -> None:
    """Malformed codes are rejected with a message saying what is wrong."""
    with pytest.raises(InvalidValueError, match=r"^CreditCode: ") as info:
        CreditCode(code)
    assert info.value.field == "CreditCode"
    assert problem in info.value.problem
    assert "GB 32100-2015" in info.value.expected


def test_credit_code_rejects_non_strings() -> None:
    """A non-str is rejected by type."""
    with pytest.raises(InvalidValueError, match="got a value of type bytes"):
        CreditCode(b"91350100M000100Y43")  # type: ignore[arg-type]


# --- CreditCode: properties ---------------------------------------------------------


@given(credit_codes())
def test_credit_codes_match_the_standards_check_formula(code: CreditCode) -> None:
    """The check character agrees with C18 = 31 - (weighted sum mod 31)."""
    assert code.code[17] == uscc_check(code.code[:17])


@settings(deadline=None)
@given(credit_codes())
def test_every_single_substitution_of_a_credit_code_is_rejected(
    code: CreditCode,
) -> None:
    """Changing any one character to any other alphabet character is rejected."""
    for position in range(18):
        for char in CREDIT_CODE_ALPHABET:
            if char == code.code[position]:
                continue
            mutated = code.code[:position] + char + code.code[position + 1 :]
            with pytest.raises(InvalidValueError):
                CreditCode(mutated)


@given(credit_codes(authority=st.just(RegistrationAuthority.CIVIL_AFFAIRS)))
def test_credit_code_categories_of_listed_authorities(code: CreditCode) -> None:
    """Codes of an authority with listed categories always have a category."""
    assert code.entity_category is not None
    assert RegistrationAuthority.CIVIL_AFFAIRS is code.entity_category.authority


# --- ResidentId: Hainan codes of 1988-2002 and birth-date bounds --------------------


def _with_check(body: str) -> str:
    return body + ric_check(body)


def test_resident_id_with_a_hainan_county_code_of_1988_2002_is_valid() -> None:
    """460034 (陵水, 1988-2002) numbers are kept for life and must be accepted."""
    rid = ResidentId("460034199001010017")
    assert rid.division == DivisionCode("460034")
    assert rid.birth_date == date(1990, 1, 1)


@pytest.mark.parametrize(
    "birth", ["18000101", "18991231", "19000101", "20991231", "20240229"]
)
def test_resident_id_accepts_birth_dates_within_the_bounds(birth: str) -> None:
    """Years 1800-2099 (the standard's centuries 18, 19, 20) are accepted."""
    rid = ResidentId(_with_check(f"440304{birth}001"))
    assert f"{rid.birth_date:%Y%m%d}" == birth


@pytest.mark.parametrize(
    "birth", ["00010101", "10000101", "17991231", "21000101", "99991231"]
)
def test_resident_id_refuses_implausible_birth_years(birth: str) -> None:
    """Years before 1800 or after 2099 are refused with the bounds named."""
    with pytest.raises(InvalidValueError) as info:
        ResidentId(_with_check(f"440304{birth}001"))
    assert "has a birth year outside 1800-2099" in info.value.problem
    assert birth not in str(info.value)


# --- ResidentId: no raw number in pytest's assertion diff ---------------------------


def test_pytest_assertion_diff_of_resident_ids_shows_no_number(
    pytester: pytest.Pytester,
) -> None:
    """pytest drills into attrs fields of a failing ==; the number must stay masked."""
    # The numbers are assembled at run time so that pytest's source excerpt of the
    # failing line does not show them.
    pytester.makepyfile(
        test_diff="""
        from skillchain import ResidentId
        from skillchain.model import Person

        A = ResidentId("440304" + "1990" + "0101" + "0011")
        B = ResidentId("110105" + "1949" + "1231" + "002X")

        def test_people():
            assert Person(id=A) == Person(id=B)

        def test_ids():
            assert A == B

        def test_in_a_list():
            assert [A] == [B]
        """
    )
    for verbosity in ("-v", "-vv"):
        result = pytester.runpytest_inprocess(verbosity, "-p", "no:cacheprovider")
        result.assert_outcomes(failed=3)
        output = result.stdout.str()
        assert "440304********0011" in output
        assert "19900101" not in output
        assert "19491231" not in output
        assert "_number:" not in output


def test_resident_id_keeps_value_semantics_without_attrs_eq() -> None:
    """Equality, hashing, evolve and structuring still use the full number."""
    import attrs

    from skillchain.serialization import structure, unstructure

    rid = ResidentId("440304199001010011")
    other = attrs.evolve(rid, number="11010519491231002X")
    assert other != rid
    assert other == ResidentId("11010519491231002X")
    assert rid != "440304199001010011"
    assert {rid: 1}[ResidentId("440304199001010011")] == 1
    assert structure("440304199001010011", ResidentId) == rid
    assert unstructure(rid) == "440304199001010011"
    assert not any(f.eq for f in attrs.fields(ResidentId))


@pytest.mark.parametrize(
    "value",
    [
        "４４０３０４１９９００１０１００１１",
        "440304 19900101 0011",
        "440304-19900101-0011",
        "id: 440304199001010011, thanks" * 1000,
    ],
)
def test_resident_id_errors_never_show_division_and_birth_date(value: str) -> None:
    """Refused values are cut and masked in any script and with separators."""
    with pytest.raises(InvalidValueError) as info:
        ResidentId(value)
    message = str(info.value)
    assert "19900101" not in message
    assert "１９９００１０１" not in message
    assert len(message) < 400


@pytest.mark.parametrize(
    "value",
    [
        "440304199001010011" * 2,
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "4403 0419 9001 0100 11",
    ],
)
def test_credit_code_errors_never_show_an_identity_number(value: str) -> None:
    """A credit code's error quotes the value cut and masked."""
    with pytest.raises(InvalidValueError) as info:
        CreditCode(value)
    assert "19900101" not in str(info.value)
    assert len(str(info.value)) < 400


@settings(max_examples=30)
@given(st.data())
def test_resident_id_strategy_draws_at_both_birth_bounds(data: st.DataObject) -> None:
    """The kit's strategy accepts the bounds themselves and draws valid numbers there."""
    low = data.draw(
        resident_ids(min_birth=date(1800, 1, 1), max_birth=date(1800, 1, 1))
    )
    high = data.draw(
        resident_ids(min_birth=date(2099, 12, 31), max_birth=date(2099, 12, 31))
    )
    assert low.birth_date == date(1800, 1, 1)
    assert high.birth_date == date(2099, 12, 31)
    assert data.draw(resident_ids()).birth_date.year <= 2099


@pytest.mark.parametrize(
    ("low", "high"),
    [(date(1799, 12, 31), date(1900, 1, 1)), (date(1990, 1, 1), date(2100, 1, 1))],
)
def test_resident_id_strategy_refuses_bounds_a_number_cannot_hold(
    low: date, high: date
) -> None:
    """Bounds outside 1800-2099 are an InvalidArgument, not a failing draw."""
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="1800-01-01 to 2099-12-31"):
        resident_ids(min_birth=low, max_birth=high)
