"""The one declaration of the labels of ratings, predicates, steps and roles.

Each value is declared once as ``(key, English label, Indonesian label)``:

- the English label is the source of the field's selection, translated on
  screen by the user's language (i18n/id.po) like every other field;
- the Indonesian label is the official term written in the Excel workbook,
  which goes to BKPSDM and into BKN e-Kinerja in Indonesian whatever the
  language of the user who exports (and whether or not Indonesian is loaded
  in the database).

The fields' selections, the D.1.1 document (``t-field`` on those fields), the
calibration and objection wizards and the workbook all read from here.
"""

RATINGS = [
    ("above", "Above expectations", "Di Atas Ekspektasi"),
    ("meets", "Meets expectations", "Sesuai Ekspektasi"),
    ("below", "Below expectations", "Di Bawah Ekspektasi"),
]
# Official names (PermenPAN-RB 6/2022): the same in both languages
PREDICATES = [
    ("sangat_baik", "Sangat Baik", "Sangat Baik"),
    ("baik", "Baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang/Misconduct", "Kurang/Misconduct"),
    ("sangat_kurang", "Sangat Kurang", "Sangat Kurang"),
]
ORGANIZATION_RATINGS = [
    ("istimewa", "Istimewa", "Istimewa"),
    ("baik", "Baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang", "Kurang"),
    ("sangat_kurang", "Sangat Kurang", "Sangat Kurang"),
]
JPM_CATEGORIES = [
    ("optimal", "Optimal", "Optimal"),
    ("cukup_optimal", "Cukup Optimal", "Cukup Optimal"),
    ("kurang_optimal", "Kurang Optimal", "Kurang Optimal"),
]
# Steps of an appraisal (hr.appraisal.kinerja_state)
STEPS = [
    ("self", "Self-assessment", "Penilaian Diri"),
    ("supervisor", "Supervisor assessment", "Penilaian Atasan"),
    ("done", "Done", "Selesai"),
]
# 360 roles, in the order of the workbook's sheet '360'
FEEDBACK_ROLES = [
    ("supervisor", "Supervisor", "Atasan"),
    ("peer", "Peer", "Rekan Kerja"),
    ("subordinate", "Subordinate", "Bawahan"),
    ("self", "Self", "Diri Sendiri"),
    ("other", "Other", "Lainnya"),
]


def selection(labels):
    """The field selection ``[(key, English label)]`` of a label list."""
    return [(key, english) for key, english, _indonesian in labels]


def workbook_labels(labels):
    """``{key: Indonesian label}`` of a label list, for the workbook."""
    return {key: indonesian for key, _english, indonesian in labels}
