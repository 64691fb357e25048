from . import hr_training_need_report
from . import hr_appraisal_kinerja_report
from . import hr_appraisal_gap_report
from . import hr_kinerja_signin_code_report
from . import hr_appraisal_export_xlsx
