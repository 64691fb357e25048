from . import hr_job_competency_fill
