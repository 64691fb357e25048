"""First sign-in codes (``rules/signin_code.py``): shape, typing back."""

from hypothesis import given
from hypothesis import strategies as st

from rules import signin_code

codes = st.text(alphabet=signin_code.ALPHABET, min_size=12, max_size=12)


def test_generated_codes_are_well_formed_and_differ():
    generated = {signin_code.generate() for _ in range(500)}
    assert len(generated) == 500
    assert all(signin_code.is_well_formed(code) for code in generated)


def test_alphabet_has_no_look_alikes():
    assert len(set(signin_code.ALPHABET)) == 32
    assert not set("0O1I") & set(signin_code.ALPHABET)


@given(codes)
def test_printed_code_types_back(code):
    printed = signin_code.display(code)
    assert len(printed) == 14 and printed.count("-") == 2
    assert signin_code.normalize(printed) == code
    assert signin_code.normalize(f"  {printed.lower()} ") == code
    assert signin_code.normalize(printed.replace("-", " ")) == code


@given(codes, st.sampled_from("0O1I!é"))
def test_foreign_symbols_are_not_repaired(code, symbol):
    typed = symbol + code[1:]
    assert not signin_code.is_well_formed(typed)


def test_wrong_lengths_are_refused():
    assert not signin_code.is_well_formed("")
    assert not signin_code.is_well_formed(None)
    assert not signin_code.is_well_formed("ABCD-EFGH-JKL")
    assert not signin_code.is_well_formed("ABCD-EFGH-JKLMN")
