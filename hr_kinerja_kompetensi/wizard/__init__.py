from . import hr_job_competency_fill
from . import hr_kinerja_reason
from . import hr_appraisal_feedback_request
from . import hr_appraisal_feedback_decline
