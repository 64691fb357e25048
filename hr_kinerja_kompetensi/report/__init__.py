from . import hr_appraisal_kinerja_report
from . import hr_appraisal_gap_report
