"""Job competency standard (SKJ) defaults by position kind."""

POSITION_KINDS = [
    ("jpt_utama", "JPT Utama"),
    ("jpt_madya", "JPT Madya"),
    ("jpt_pratama", "JPT Pratama"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Fungsional"),
]
FUNCTIONAL_LEVELS = [
    ("ahli_utama", "Ahli Utama"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_pertama", "Ahli Pertama"),
    ("penyelia", "Penyelia"),
    ("mahir", "Mahir"),
    ("terampil", "Terampil"),
    ("pemula", "Pemula"),
]
# Regulation's typical required level, used as the company setting default.
DEFAULT_REQUIRED_LEVEL = {
    "jpt_utama": 5,
    "jpt_madya": 5,
    "jpt_pratama": 4,
    "administrator": 3,
    "pengawas": 2,
    "pelaksana": 1,
    "ahli_utama": 4,
    "ahli_madya": 3,
    "ahli_muda": 2,
    "ahli_pertama": 1,
    "penyelia": 2,
    "mahir": 2,
    "terampil": 1,
    "pemula": 1,
}


def standard_key(position_kind, functional_level):
    """The key of the default table for a job: functional jobs use their level."""
    if position_kind == "fungsional":
        return functional_level or None
    return position_kind or None


def required_level_for(position_kind, functional_level, table=None):
    """Default required level of a job, or None when the kind is unknown."""
    key = standard_key(position_kind, functional_level)
    return (table or DEFAULT_REQUIRED_LEVEL).get(key) if key else None
