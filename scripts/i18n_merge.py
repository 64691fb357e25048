#!/usr/bin/env python3
"""Merge a freshly exported template into the addon's translations.

    python3 -m odoo -d DB --i18n-export=/tmp/new.pot \\
        --modules=hr_kinerja_kompetensi --stop-after-init
    python3 scripts/i18n_merge.py /tmp/new.pot

Copies the template to i18n/hr_kinerja_kompetensi.pot and updates i18n/id.po
in Odoo's order and wrapping (msgmerge rewraps every entry): existing
translations and their comments stay, references follow the template, new
terms are added untranslated (the Odoo-free suite fails until they are
translated), terms gone from the template are listed.
"""

import shutil
import sys
from pathlib import Path

import polib

I18N = Path(__file__).resolve().parent.parent / "hr_kinerja_kompetensi" / "i18n"


def main(pot_path):
    shutil.copyfile(pot_path, I18N / "hr_kinerja_kompetensi.pot")
    pot = polib.pofile(str(I18N / "hr_kinerja_kompetensi.pot"), wrapwidth=78)
    po = polib.pofile(str(I18N / "id.po"), wrapwidth=78)
    existing = {entry.msgid: entry for entry in po}
    added = []
    for entry in pot:
        known = existing.get(entry.msgid)
        if known:
            known.occurrences = entry.occurrences
            known.comment = entry.comment
            continue
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr="",
                occurrences=entry.occurrences,
                comment=entry.comment,
                flags=entry.flags,
            )
        )
        added.append(entry.msgid)
    order = {entry.msgid: index for index, entry in enumerate(pot)}
    gone = [e.msgid for e in po if e.msgid not in order and not e.obsolete]
    po[:] = sorted(po, key=lambda entry: order.get(entry.msgid, len(order)))
    po.save(str(I18N / "id.po"))
    for msgid in added:
        print(f"new, to translate: {msgid!r}")
    for msgid in gone:
        print(f"no longer in the template: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
