from . import test_employee_asn
from . import test_dictionary
from . import test_job_competency
from . import test_access
from . import test_ui
from . import test_appraisal_cycle
from . import test_appraisal
from . import test_appraisal_confidential
