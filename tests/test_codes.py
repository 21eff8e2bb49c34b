"""Tests for DivisionCode (GB/T 2260 shape) and OccupationCode (大典 2022 shape)."""

import pytest

from hypothesis import given

from skillchain import FUTIAN, DivisionCode, InvalidValueError, OccupationCode
from skillchain.testing.strategies import division_codes, occupation_codes


#: The first two digits of the 34 province-level divisions of GB/T 2260.
PROVINCE_PREFIXES = (
    *("11", "12", "13", "14", "15"),
    *("21", "22", "23"),
    *("31", "32", "33", "34", "35", "36", "37"),
    *("41", "42", "43", "44", "45", "46"),
    *("50", "51", "52", "53", "54"),
    *("61", "62", "63", "64", "65"),
    *("71", "81", "82"),
)


# --- DivisionCode -------------------------------------------------------------------


def test_futian_is_440304() -> None:
    """FUTIAN is Futian District, a county-level code under Shenzhen, Guangdong."""
    assert DivisionCode("440304") == FUTIAN
    assert str(FUTIAN) == "440304"
    assert repr(FUTIAN) == "DivisionCode('440304')"
    assert FUTIAN.level == "county"
    assert DivisionCode("440300") == FUTIAN.prefecture
    assert DivisionCode("440000") == FUTIAN.province


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("110000", "province"),
        ("440300", "prefecture"),
        ("440304", "county"),
        ("429004", "county"),
        ("810000", "province"),
        ("650100", "prefecture"),
    ],
)
def test_division_level_is_read_from_trailing_zeros(code: str, level: str) -> None:
    """xx0000 is a province, xxxx00 a prefecture, anything else a county."""
    assert level == DivisionCode(code).level


def test_province_and_prefecture_of_a_province_are_itself() -> None:
    """A province code's province and prefecture are the code itself."""
    guangdong = DivisionCode("440000")
    assert guangdong == guangdong.province
    assert guangdong == guangdong.prefecture


def test_division_codes_order_as_strings() -> None:
    """Codes sort by their digits: province, then its prefectures and counties."""
    codes = [DivisionCode(c) for c in ("440304", "110000", "440300", "440000")]
    assert [c.code for c in sorted(codes)] == ["110000", "440000", "440300", "440304"]
    assert DivisionCode("440000") < FUTIAN


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("44030", "got 5 characters"),
        ("4403040", "got 7 characters"),
        ("44030a", "'44030a' is not all ASCII digits"),
        ("４40304", "is not all ASCII digits"),
        ("44 304", "is not all ASCII digits"),
        ("990000", "'990000' has no province prefix '99'"),
        ("100000", "has no province prefix '10'"),
        ("160000", "has no province prefix '16'"),
        ("000000", "has no province prefix '00'"),
        ("440004", "'440004' is a county-level code under prefecture part '00'"),
    ],
)
def test_division_code_rejects_malformed_codes(code: str, problem: str) -> None:
    """Codes of the wrong shape are rejected, naming the field and the rule."""
    with pytest.raises(InvalidValueError, match=r"^DivisionCode: ") as info:
        DivisionCode(code)
    assert info.value.field == "DivisionCode"
    assert problem in info.value.problem
    assert "6 ASCII digits (GB/T 2260)" in info.value.expected


def test_division_code_rejects_an_int() -> None:
    """An int is rejected by type (its leading zeros could not be kept)."""
    with pytest.raises(InvalidValueError, match="got a value of type int, not a str"):
        DivisionCode(440304)  # type: ignore[arg-type]


def test_every_province_prefix_is_accepted() -> None:
    """All 34 province-level prefixes of GB/T 2260 make valid codes."""
    assert len(PROVINCE_PREFIXES) == 34
    for prefix in PROVINCE_PREFIXES:
        assert DivisionCode(prefix + "0000").level == "province"


@given(division_codes())
def test_division_hierarchy_is_consistent(code: DivisionCode) -> None:
    """A code is within its prefecture, which is within its province."""
    assert code.code.startswith(code.prefecture.code[:4])
    assert code.prefecture.code.startswith(code.province.code[:2])
    assert code.province <= code.prefecture <= code
    assert code.province.level == "province"


@given(division_codes(level="county"))
def test_county_codes_have_county_level(code: DivisionCode) -> None:
    """Generated county codes have a non-zero last pair and prefecture pair."""
    assert code.level == "county"
    assert code.prefecture.level == "prefecture"


# --- OccupationCode -----------------------------------------------------------------


def test_occupation_code_parts() -> None:
    """4-10-01-05 (养老护理员) splits into major 4, middle 10, minor 1, detail 5."""
    carer = OccupationCode("4-10-01-05")
    assert (carer.major, carer.middle, carer.minor, carer.detail) == (4, 10, 1, 5)
    assert carer.is_detail
    assert str(carer) == "4-10-01-05"
    assert repr(carer) == "OccupationCode('4-10-01-05')"


@pytest.mark.parametrize(
    ("code", "is_detail"),
    [
        ("4-10-01-00", False),
        ("4-10-00-00", False),
        ("8-00-00-00", False),
        ("1-01-01-01", True),
        ("6-99-00-00", False),
    ],
)
def test_occupation_group_codes_are_not_details(code: str, is_detail: bool) -> None:
    """Only codes whose last group is not 00 name a detailed occupation."""
    assert is_detail == OccupationCode(code).is_detail


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("4-10-01", "'4-10-01' is not of the form d-dd-dd-dd"),
        ("4100105", "is not of the form d-dd-dd-dd"),
        ("9-10-01-05", "'9-10-01-05' is not of the form d-dd-dd-dd"),
        ("0-10-01-05", "is not of the form d-dd-dd-dd"),
        ("4-1-01-05", "is not of the form d-dd-dd-dd"),
        ("4-10-01-05 ", "is not of the form d-dd-dd-dd"),
        ("4-10-01-05\n", "is not of the form d-dd-dd-dd"),
        ("4–10–01–05", "is not of the form d-dd-dd-dd"),
        ("4-10-00-05", "'4-10-00-05' has a non-zero group after a '00' group"),
        ("4-00-01-00", "has a non-zero group after a '00' group"),
    ],
)
def test_occupation_code_rejects_malformed_codes(code: str, problem: str) -> None:
    """Codes not of the d-dd-dd-dd shape are rejected with a clear message."""
    with pytest.raises(InvalidValueError, match=r"^OccupationCode: ") as info:
        OccupationCode(code)
    assert info.value.field == "OccupationCode"
    assert problem in info.value.problem
    assert "'d-dd-dd-dd' with major category 1-8" in info.value.expected


def test_occupation_codes_order_numerically() -> None:
    """Fixed-width codes sort in catalogue order."""
    codes = [OccupationCode(c) for c in ("4-10-01-05", "2-02-01-00", "4-09-00-00")]
    assert [c.code for c in sorted(codes)] == ["2-02-01-00", "4-09-00-00", "4-10-01-05"]


@given(occupation_codes())
def test_occupation_code_round_trips_its_parts(code: OccupationCode) -> None:
    """Formatting the parts gives back the code."""
    parts = (code.major, code.middle, code.minor, code.detail)
    assert code.code == "{}-{:02d}-{:02d}-{:02d}".format(*parts)
    assert code.is_detail == (code.detail != 0)


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("440000", "440304", True),
        ("440300", "440304", True),
        ("440300", "440300", True),
        ("440304", "440304", True),
        ("440304", "440300", False),
        ("440300", "441521", False),
        ("440000", "450100", False),
        ("440304", "440305", False),
    ],
)
def test_division_contains_by_level(outer: str, inner: str, expected: bool) -> None:
    """Provinces contain their prefix, prefectures theirs, counties only themselves."""
    assert DivisionCode(outer).contains(DivisionCode(inner)) is expected


# --- DivisionCode: Hainan's county codes of 1988-2002 -------------------------------

#: Counties and county-level cities directly under Hainan province, 1988-2002, whose
#: codes sat under the prefecture part '00' (GB/T 2260 editions of that period).
HAINAN_1988_2002 = {
    "460001": "通什市 (五指山市)",
    "460002": "琼海市",
    "460003": "儋州市",
    "460004": "琼山市",
    "460005": "文昌市",
    "460006": "万宁市",
    "460007": "东方市",
    "460021": "琼山县",
    "460022": "文昌县",
    "460023": "琼海县",
    "460024": "万宁县",
    "460025": "定安县",
    "460026": "屯昌县",
    "460027": "澄迈县",
    "460028": "临高县",
    "460029": "儋县",
    "460030": "白沙黎族自治县",
    "460031": "昌江黎族自治县",
    "460032": "东方黎族自治县",
    "460033": "乐东黎族自治县",
    "460034": "陵水黎族自治县",
    "460035": "保亭黎族苗族自治县",
    "460036": "琼中黎族苗族自治县",
    "460037": "西沙群岛",
    "460038": "南沙群岛",
    "460039": "中沙群岛的岛礁及其海域",
}


def test_hainan_lists_26_historical_county_codes() -> None:
    """The issue counts 26 codes; the table above has exactly those."""
    assert len(HAINAN_1988_2002) == 26


@pytest.mark.parametrize("code", sorted(HAINAN_1988_2002))
def test_hainan_county_codes_under_prefecture_00_are_accepted(code: str) -> None:
    """People keep numbers issued under these codes for life: the codes are valid."""
    division = DivisionCode(code)
    assert division.level == "county"
    assert division.province == DivisionCode("460000")
    assert DivisionCode("460000").contains(division)


@pytest.mark.parametrize("code", ["460008", "460020", "460040", "460099", "450034"])
def test_other_county_codes_under_prefecture_00_are_still_refused(code: str) -> None:
    """Only Hainan's listed codes are exempt from the '00' prefecture rule."""
    with pytest.raises(InvalidValueError, match="prefecture part '00'"):
        DivisionCode(code)


@pytest.mark.parametrize(
    "code", ["４４０３０４１９９００１０１００１１", "440304 19900101 0011" * 3]
)
def test_occupation_code_errors_never_quote_an_identity_number(code: str) -> None:
    """A long or full-width value is cut and masked before it is quoted."""
    with pytest.raises(InvalidValueError) as info:
        OccupationCode(code)
    message = str(info.value)
    assert "19900101" not in message
    assert "１９９００１０１" not in message
    assert len(message) < 400
