"""NIP (Nomor Induk Pegawai): the 18-digit civil-servant number.

Layout: ``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS (start of service as a
candidate civil servant), one gender digit (1 male, 2 female) and a
three-digit sequence number.
"""

import datetime
from dataclasses import dataclass

NIP_LENGTH = 18
GENDER_BY_DIGIT = {"1": "male", "2": "female"}
# Civil-service law: a candidate must be at least 18 years old at appointment.
MIN_AGE_AT_TMT = 18


class NipError(ValueError):
    """A NIP that breaks one rule; ``code`` names the rule for callers."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Nip:
    birth_date: datetime.date
    tmt_cpns: datetime.date  # first day of the TMT month
    gender: str  # "male" / "female"
    sequence: int


def normalize(value):
    """Strip the spaces and dots people type between the NIP's parts."""
    return "".join(ch for ch in (value or "") if ch not in " .-")


# PPPK numbers (NI PPPK) carry a code where a PNS NIP has the TMT month:
# "21" for PPPK, "24" for part-time PPPK (paruh waktu).
PPPK_MONTH_MARKERS = ("21", "24")


def parse(value, today=None, pppk=False):
    """Return the parsed :class:`Nip` or raise :class:`NipError`.

    ``today`` bounds plausible dates (no birth or TMT in the future).
    ``pppk`` accepts a PPPK marker in place of the TMT month; the TMT
    is then only known to the year and ``tmt_cpns`` is 1 January of it.
    """
    nip = normalize(value)
    if len(nip) != NIP_LENGTH:
        raise NipError(
            "length", f"A NIP has {NIP_LENGTH} digits; this one has {len(nip)}."
        )
    if not nip.isascii() or not nip.isdigit():
        raise NipError("digits", "A NIP contains digits only.")
    today = today or datetime.date.today()
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            "birth_date", f"Digits 1-8 ({nip[0:8]}) are not a real birth date."
        ) from None
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    # A PPPK number only tells the year of appointment.
    year_only = pppk and nip[12:14] in PPPK_MONTH_MARKERS
    if year_only:
        tmt_month = 1
    if not 1 <= tmt_month <= 12 or tmt_year < 1900:
        raise NipError(
            "tmt", f"Digits 9-14 ({nip[8:14]}) are not a real TMT CPNS month."
        )
    tmt = datetime.date(tmt_year, tmt_month, 1)
    if birth > today or tmt > today:
        raise NipError(
            "future", "The birth date or TMT CPNS in the NIP is in the future."
        )
    if nip[14] not in GENDER_BY_DIGIT:
        raise NipError("gender", "Digit 15 of a NIP is 1 (male) or 2 (female).")
    # The appointment month must not start before the 18th birthday's month.
    # (With only the year known, the year of the 18th birthday is enough.)
    adult_month = (birth.year + MIN_AGE_AT_TMT, 1 if year_only else birth.month)
    if (tmt.year, tmt.month) < adult_month:
        raise NipError(
            "too_young", "The TMT CPNS in the NIP is before the 18th birthday."
        )
    return Nip(
        birth_date=birth,
        tmt_cpns=tmt,
        gender=GENDER_BY_DIGIT[nip[14]],
        sequence=int(nip[15:18]),
    )


def build(birth_date, tmt_cpns, gender, sequence):
    """Compose a NIP from its parts (used by demo data and tests)."""
    digit = {v: k for k, v in GENDER_BY_DIGIT.items()}[gender]
    return f"{birth_date:%Y%m%d}{tmt_cpns:%Y%m}{digit}{sequence:03d}"
