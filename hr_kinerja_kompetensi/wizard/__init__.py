from . import hr_job_competency_fill
from . import hr_kinerja_reason
from . import hr_appraisal_calibrate
from . import hr_appraisal_objection_decide
from . import hr_award_best_performer
from . import hr_employee_talent_grid
from . import hr_appraisal_feedback_request
from . import hr_appraisal_feedback_decline
