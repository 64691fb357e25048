from . import hr_job_competency_fill
from . import hr_kinerja_reason
