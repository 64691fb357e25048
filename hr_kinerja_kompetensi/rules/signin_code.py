"""One-time first sign-in codes that HR prints for staff without an email.

A code is 12 characters from a 32-letter alphabet without the look-alikes
0/O and 1/I, printed in three groups of four (``K7QF-2M9X-PHWD``): 60 bits
of chance, short enough to type from paper. People type it back with or
without the dashes, in any case and with stray spaces; ``normalize`` undoes
all of that before the code is compared.
"""

import secrets

# 24 letters (no I, O) + 8 digits (no 0, 1) = 32 symbols, 5 bits each
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 12
GROUP = 4


def generate():
    """A new random code, normalized (no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(value):
    """The code as typed, back to its 12 symbols (upper case, no separators).

    Anything that is not a symbol of the alphabet is kept, so that a wrong
    code stays wrong rather than being repaired into someone else's."""
    return "".join(ch for ch in (value or "").upper() if ch not in " -.\t")


def is_well_formed(value):
    code = normalize(value)
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def display(code):
    """``K7QFM2M9XPHW`` -> ``K7QF-M2M9-XPHW`` for printing."""
    code = normalize(code)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
