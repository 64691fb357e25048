from . import hr_training_need_report
