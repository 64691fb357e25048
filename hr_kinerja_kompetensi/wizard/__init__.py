from . import hr_job_competency_fill
from . import hr_kinerja_reason
from . import hr_appraisal_export
