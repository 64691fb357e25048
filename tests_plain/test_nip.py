"""NIP rules (``rules/nip.py``): parsing, normalising and building.

Every invalid case starts from a valid NIP and breaks exactly one rule, so the
expected ``NipError.code`` does not depend on the order of the checks.
"""

import calendar
import datetime

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from rules import nip

TODAY = datetime.date.today()
GENDER_DIGIT = {"male": "1", "female": "2"}
EARLIEST_BIRTH = datetime.date(1900, 1, 1)


# ---------------------------------------------------------------- helpers
def month_index(year, month):
    return year * 12 + month - 1


def from_month_index(index):
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_day_of_month(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def compose(birth, tmt, gender_digit, sequence):
    """Build the 18 digits by hand (independently of ``nip.build``)."""
    return (
        f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        f"{tmt.year:04d}{tmt.month:02d}{gender_digit}{sequence:03d}"
    )


def assert_code(value, code, today=TODAY):
    with pytest.raises(nip.NipError) as info:
        nip.parse(value, today=today)
    assert info.value.code == code, (value, info.value.code, str(info.value))
    assert isinstance(info.value, ValueError)
    assert str(info.value)  # a message for the user, not just a code
    return info.value


# ------------------------------------------------------------- strategies
@st.composite
def valid_parts(draw, today=TODAY):
    """Parts of a valid NIP as of ``today``: real birth date, TMT month from
    the 18th-birthday month up to ``today``'s month, gender, sequence."""
    # The 18th-birthday month must not be after today's month.
    latest_birth = last_day_of_month(today.year - nip.MIN_AGE_AT_TMT, today.month)
    birth = draw(st.dates(min_value=EARLIEST_BIRTH, max_value=latest_birth))
    first = month_index(birth.year + nip.MIN_AGE_AT_TMT, birth.month)
    last = month_index(today.year, today.month)
    tmt = from_month_index(draw(st.integers(min_value=first, max_value=last)))
    gender = draw(st.sampled_from(sorted(GENDER_DIGIT)))
    sequence = draw(st.integers(min_value=0, max_value=999))
    return birth, tmt, gender, sequence


@st.composite
def valid_nips(draw, today=TODAY):
    birth, tmt, gender, sequence = draw(valid_parts(today=today))
    raw = compose(birth, tmt, GENDER_DIGIT[gender], sequence)
    return raw, nip.Nip(birth, tmt, gender, sequence)


@st.composite
def todays(draw):
    """A reference day late enough for an adult born after 1900."""
    return draw(
        st.dates(
            min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2200, 12, 31)
        )
    )


def replace_at(raw, index, text):
    return raw[:index] + text + raw[index + 1 :]


# ------------------------------------------------------------ valid NIPs
@given(valid_nips())
def test_valid_nip_parses_back_to_its_parts(case):
    raw, expected = case
    assert nip.parse(raw, today=TODAY) == expected


@given(valid_nips())
def test_default_today_is_the_real_today(case):
    raw, expected = case
    assert nip.parse(raw) == expected


@given(st.data())
def test_valid_nip_any_today(data):
    today = data.draw(todays())
    raw, expected = data.draw(valid_nips(today=today))
    assert nip.parse(raw, today=today) == expected


@given(valid_nips())
def test_tmt_is_first_day_of_month_and_parts_are_in_range(case):
    raw, _expected = case
    parsed = nip.parse(raw, today=TODAY)
    assert parsed.tmt_cpns.day == 1
    assert parsed.gender in ("male", "female")
    assert 0 <= parsed.sequence <= 999
    assert parsed.birth_date <= TODAY
    assert parsed.tmt_cpns <= TODAY


@given(valid_nips(), st.lists(st.tuples(st.integers(0, 18), st.sampled_from(" .-"))))
def test_separators_are_ignored(case, separators):
    raw, expected = case
    typed = raw
    for position, separator in sorted(separators, reverse=True):
        typed = typed[:position] + separator + typed[position:]
    assert nip.normalize(typed) == raw
    assert nip.parse(typed, today=TODAY) == expected


@given(valid_parts())
def test_build_composes_the_digits(parts):
    birth, tmt, gender, sequence = parts
    raw = nip.build(birth, tmt, gender, sequence)
    assert raw == compose(birth, tmt, GENDER_DIGIT[gender], sequence)
    assert len(raw) == nip.NIP_LENGTH
    assert nip.parse(raw, today=TODAY) == nip.Nip(birth, tmt, gender, sequence)


@given(valid_nips())
def test_parse_then_build_is_identity(case):
    raw, _expected = case
    parsed = nip.parse(raw, today=TODAY)
    rebuilt = nip.build(
        parsed.birth_date, parsed.tmt_cpns, parsed.gender, parsed.sequence
    )
    assert rebuilt == raw


# ---------------------------------------------------------- invalid NIPs
@given(st.text(alphabet="0123456789", max_size=40).filter(lambda s: len(s) != 18))
@example("")
@example("19850315201001100")  # 17 digits
@example("1985031520100110011")  # 19 digits
def test_wrong_length(value):
    assert_code(value, "length")


@given(valid_nips(), st.integers(0, 17), st.sampled_from(["", "0", "00", "123"]))
def test_wrong_length_from_a_valid_nip(case, index, text):
    raw, _expected = case
    changed = raw[:index] + text + raw[index + 1 :]  # drop one digit, add 0..3
    assume(len(changed) != nip.NIP_LENGTH)
    assert_code(changed, "length")


NON_DIGITS = st.characters(exclude_characters=" .-").filter(
    lambda ch: not (ch.isascii() and ch.isdigit())
)


@given(valid_nips(), st.integers(0, 17), NON_DIGITS)
@example(("198503152010011001", None), 0, "١")  # ARABIC-INDIC DIGIT ONE
@example(("198503152010011001", None), 17, "١")
@example(("198503152010011001", None), 5, "٣")  # ARABIC-INDIC DIGIT THREE
@example(("198503152010011001", None), 3, "５")  # FULLWIDTH DIGIT FIVE
@example(("198503152010011001", None), 9, "²")  # SUPERSCRIPT TWO: isdigit() is True
@example(("198503152010011001", None), 8, "A")
@example(("198503152010011001", None), 14, "\t")
@example(("198503152010011001", None), 16, "+")
def test_non_digit(case, index, char):
    raw, _expected = case
    assert_code(replace_at(raw, index, char), "digits")


@pytest.mark.parametrize(
    "value",
    [
        "١٩٨٥٠٣١٥٢٠١٠٠١١٠٠١",  # all Arabic-Indic digits, 18 of them
        "１９８５０３１５２０１００１１００１",  # all fullwidth digits
        "19850315201001100x",
        "ABCDEFGHIJKLMNOPQR",
    ],
)
def test_non_ascii_or_letters_whole_nip(value):
    assert len(value) == 18
    assert_code(value, "digits")


IMPOSSIBLE_BIRTHS = [
    "19850230",  # 30 February
    "19850231",
    "19840230",  # 30 February in a leap year
    "19850229",  # 29 February in a common year
    "19000229",  # 1900 is not a leap year
    "19850431",  # 31 April
    "19850631",
    "19850931",
    "19851131",
    "19850001",  # month 00
    "19851301",  # month 13
    "19859901",
    "19850100",  # day 00
    "19850132",
    "00000101",  # year 0
]


@pytest.mark.parametrize("birth", IMPOSSIBLE_BIRTHS)
def test_impossible_birth_date_examples(birth):
    assert_code(birth + "2010011001", "birth_date")


@st.composite
def impossible_birth_digits(draw):
    year = draw(st.integers(1900, TODAY.year - 19))
    kind = draw(st.sampled_from(["day_too_big", "day_zero", "month"]))
    if kind == "month":
        month = draw(st.sampled_from([0, *range(13, 100)]))
        day = draw(st.integers(1, 28))
    else:
        month = draw(st.integers(1, 12))
        if kind == "day_zero":
            day = 0
        else:
            day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 99))
    return f"{year:04d}{month:02d}{day:02d}"


@given(valid_nips(), impossible_birth_digits())
def test_impossible_birth_date(case, birth):
    raw, _expected = case
    assert_code(birth + raw[8:], "birth_date")


@pytest.mark.parametrize("tmt", ["201000", "201013", "201099", "189912", "000001"])
def test_impossible_tmt_examples(tmt):
    assert_code("19850315" + tmt + "1001", "tmt")


@given(valid_nips(), st.sampled_from([0, *range(13, 100)]))
def test_impossible_tmt_month(case, month):
    raw, _expected = case
    assert_code(raw[:12] + f"{month:02d}" + raw[14:], "tmt")


@given(valid_nips(), st.sampled_from("03456789"))
@example(("198503152010011001", None), "0")
@example(("198503152010011001", None), "3")
@example(("198503152010011001", None), "9")
def test_wrong_gender_digit(case, digit):
    raw, _expected = case
    assert_code(replace_at(raw, 14, digit), "gender")


@given(st.data())
def test_tmt_before_18th_birthday(data):
    # Born at least 18 years and a month ago, so that a TMT month before the
    # 18th birthday is still in the past.
    latest_birth = datetime.date(TODAY.year - nip.MIN_AGE_AT_TMT, TODAY.month, 1)
    birth = data.draw(st.dates(min_value=EARLIEST_BIRTH, max_value=latest_birth))
    adult = month_index(birth.year + nip.MIN_AGE_AT_TMT, birth.month)
    tmt_index = data.draw(
        st.integers(
            max(month_index(1900, 1), month_index(birth.year, birth.month)), adult - 1
        )
    )
    tmt = from_month_index(tmt_index)
    assume(tmt <= TODAY)
    gender = data.draw(st.sampled_from("12"))
    sequence = data.draw(st.integers(0, 999))
    assert_code(compose(birth, tmt, gender, sequence), "too_young")


def test_18th_birthday_month_is_the_first_allowed_tmt():
    today = datetime.date(2025, 6, 15)
    # Born 31 March 2000: TMT March 2018 is allowed, February 2018 is not.
    parsed = nip.parse("200003312018031001", today=today)
    assert parsed.tmt_cpns == datetime.date(2018, 3, 1)
    assert_code("200003312018021001", "too_young", today=today)
    assert_code("200003312017121001", "too_young", today=today)
    # TMT in the birth month itself, or before birth, is far too young.
    assert_code("200003312000031001", "too_young", today=today)
    assert_code("200003311999121001", "too_young", today=today)


@given(st.data())
def test_future_birth_date(data):
    today = data.draw(todays())
    birth = data.draw(
        st.dates(
            min_value=today + datetime.timedelta(days=1),
            max_value=datetime.date(9980, 12, 31),
        )
    )
    tmt = datetime.date(birth.year + nip.MIN_AGE_AT_TMT, birth.month, 1)
    assert_code(compose(birth, tmt, "1", 1), "future", today=today)


@given(st.data())
def test_future_tmt(data):
    today = data.draw(todays())
    latest_birth = last_day_of_month(today.year - nip.MIN_AGE_AT_TMT, today.month)
    birth = data.draw(st.dates(min_value=EARLIEST_BIRTH, max_value=latest_birth))
    tmt_index = data.draw(
        st.integers(month_index(today.year, today.month) + 1, month_index(9999, 12))
    )
    tmt = from_month_index(tmt_index)
    gender = data.draw(st.sampled_from("12"))
    assert_code(compose(birth, tmt, gender, 7), "future", today=today)


def test_future_boundaries():
    # TMT in the current month is allowed from its first day on.
    assert nip.parse("198503152025061001", today=datetime.date(2025, 6, 1))
    assert_code("198503152025061001", "future", today=datetime.date(2025, 5, 31))
    # Born today: not in the future (but far too young for any TMT).
    assert_code("202506012025061001", "too_young", today=datetime.date(2025, 6, 1))
    assert_code("202506022025061001", "future", today=datetime.date(2025, 6, 1))


# --------------------------------------------------------------- examples
def test_example_male():
    parsed = nip.parse("198503152010011001", today=datetime.date(2025, 1, 1))
    assert parsed == nip.Nip(
        birth_date=datetime.date(1985, 3, 15),
        tmt_cpns=datetime.date(2010, 1, 1),
        gender="male",
        sequence=1,
    )


def test_example_29_february_only_in_leap_years():
    # 1990 is not a leap year, 1992 is.
    assert_code("19900229 201503 2 045", "birth_date")
    assert nip.parse("19920229 201503 2 045").birth_date == datetime.date(1992, 2, 29)


def test_example_female_typed_with_separators():
    parsed = nip.parse(" 19920229.201503.2.045 ", today=datetime.date(2025, 1, 1))
    assert parsed.birth_date == datetime.date(1992, 2, 29)
    assert parsed.tmt_cpns == datetime.date(2015, 3, 1)
    assert parsed.gender == "female"
    assert parsed.sequence == 45
    assert nip.parse("19920229-201503-2-045", today=datetime.date(2025, 1, 1)) == parsed


def test_sequence_zero_and_999():
    assert nip.parse("198503152010011000", today=TODAY).sequence == 0
    assert nip.parse("198503152010012999", today=TODAY).sequence == 999


@pytest.mark.parametrize("value", [None, "", "   ", "..--"])
def test_empty_values(value):
    assert nip.normalize(value) == ""
    assert_code(value, "length")


def test_nip_is_frozen():
    parsed = nip.parse("198503152010011001", today=TODAY)
    with pytest.raises(AttributeError):
        parsed.sequence = 2


def test_constants():
    assert nip.NIP_LENGTH == 18
    assert nip.MIN_AGE_AT_TMT == 18
    assert nip.GENDER_BY_DIGIT == {"1": "male", "2": "female"}


# ------------------------------------------------------------ PPPK numbers
# A PPPK number (NI PPPK) has a marker where a PNS NIP has the TMT month:
# "21" (PPPK) or "24" (part-time PPPK); only the TMT year is then known.
@st.composite
def pppk_numbers(draw, today=TODAY):
    """A valid PPPK number whose TMT year is after the 18th birthday's year
    (the year of the 18th birthday itself is ambiguous without a month)."""
    latest_birth = datetime.date(today.year - nip.MIN_AGE_AT_TMT - 1, 12, 31)
    birth = draw(st.dates(min_value=EARLIEST_BIRTH, max_value=latest_birth))
    year = draw(st.integers(birth.year + nip.MIN_AGE_AT_TMT + 1, today.year))
    marker = draw(st.sampled_from(nip.PPPK_MONTH_MARKERS))
    gender = draw(st.sampled_from(sorted(GENDER_DIGIT)))
    sequence = draw(st.integers(0, 999))
    raw = f"{birth:%Y%m%d}{year:04d}{marker}{GENDER_DIGIT[gender]}{sequence:03d}"
    return raw, nip.Nip(birth, datetime.date(year, 1, 1), gender, sequence)


def test_pppk_markers():
    assert nip.PPPK_MONTH_MARKERS == ("21", "24")


@given(pppk_numbers())
def test_pppk_number_parses_with_tmt_on_1_january(case):
    raw, expected = case
    assert nip.parse(raw, today=TODAY, pppk=True) == expected


@given(pppk_numbers())
def test_pppk_marker_is_no_month_for_a_pns(case):
    raw, _expected = case
    assert_code(raw, "tmt")  # pppk=False is the default


@given(valid_nips())
def test_pppk_flag_still_accepts_real_months(case):
    raw, expected = case
    assert nip.parse(raw, today=TODAY, pppk=True) == expected


@given(pppk_numbers(), st.sampled_from(["00", "13", "20", "22", "23", "25", "99"]))
def test_pppk_other_codes_are_not_months(case, code):
    raw, _expected = case
    with pytest.raises(nip.NipError) as info:
        nip.parse(raw[:12] + code + raw[14:], today=TODAY, pppk=True)
    assert info.value.code == "tmt"


def test_pppk_examples():
    today = datetime.date(2025, 6, 15)
    parsed = nip.parse("19900512 2022 21 1 003", today=today, pppk=True)
    assert parsed == nip.Nip(
        datetime.date(1990, 5, 12), datetime.date(2022, 1, 1), "male", 3
    )
    parsed = nip.parse("199005122025242007", today=today, pppk=True)
    assert parsed.tmt_cpns == datetime.date(2025, 1, 1)
    assert parsed.gender == "female"
    # TMT year after today: future.
    with pytest.raises(nip.NipError) as info:
        nip.parse("199005122026211003", today=today, pppk=True)
    assert info.value.code == "future"
    # TMT year before the 18th birthday: too young.
    with pytest.raises(nip.NipError) as info:
        nip.parse("199005122007211003", today=today, pppk=True)
    assert info.value.code == "too_young"
    # Wrong gender digit.
    with pytest.raises(nip.NipError) as info:
        nip.parse("199005122022213003", today=today, pppk=True)
    assert info.value.code == "gender"


@pytest.mark.parametrize("year", ["0000", "0001", "1899"])
def test_pppk_tmt_year_before_1900_is_not_real(year):
    """As for a PNS NIP, a TMT year before 1900 is no real TMT (and year 0000
    must not escape as a bare ValueError from ``datetime.date``)."""
    with pytest.raises(nip.NipError) as info:
        nip.parse(f"19850315{year}211001", today=TODAY, pppk=True)
    assert info.value.code == "tmt"
