"""Years of service and pangkat/golongan tables."""

# PNS ranks: (key, golongan/ruang, pangkat name). Order = seniority.
PNS_GOLONGAN = [
    ("pns_1a", "I/a", "Juru Muda"),
    ("pns_1b", "I/b", "Juru Muda Tingkat I"),
    ("pns_1c", "I/c", "Juru"),
    ("pns_1d", "I/d", "Juru Tingkat I"),
    ("pns_2a", "II/a", "Pengatur Muda"),
    ("pns_2b", "II/b", "Pengatur Muda Tingkat I"),
    ("pns_2c", "II/c", "Pengatur"),
    ("pns_2d", "II/d", "Pengatur Tingkat I"),
    ("pns_3a", "III/a", "Penata Muda"),
    ("pns_3b", "III/b", "Penata Muda Tingkat I"),
    ("pns_3c", "III/c", "Penata"),
    ("pns_3d", "III/d", "Penata Tingkat I"),
    ("pns_4a", "IV/a", "Pembina"),
    ("pns_4b", "IV/b", "Pembina Tingkat I"),
    ("pns_4c", "IV/c", "Pembina Utama Muda"),
    ("pns_4d", "IV/d", "Pembina Utama Madya"),
    ("pns_4e", "IV/e", "Pembina Utama"),
]
ROMAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip
# PPPK grades I-XVII have no pangkat name.
PPPK_GOLONGAN = [(f"pppk_{i}", roman, "") for i, roman in enumerate(ROMAN, start=1)]


def golongan_selection():
    """Selection list shared by the employee field and its public mirror."""
    pns = [(key, f"PNS {code} - {name}") for key, code, name in PNS_GOLONGAN]
    pppk = [(key, f"PPPK {code}") for key, code, _name in PPPK_GOLONGAN]
    return pns + pppk


def golongan_fits(asn_type, golongan):
    """True when the grade belongs to the ASN type (no grade is always fine)."""
    if not golongan:
        return True
    if asn_type == "pns":
        return golongan.startswith("pns_")
    if asn_type == "pppk":
        return golongan.startswith("pppk_")
    return False  # non-ASN staff have no civil-service grade


def full_years_between(start, end):
    """Whole years from ``start`` to ``end`` (an anniversary counts that day)."""
    if not start or end < start:
        return 0
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years
