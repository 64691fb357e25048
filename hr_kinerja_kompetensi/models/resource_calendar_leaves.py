import datetime

import pytz

from odoo import api, models

from ..rules import working_days


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.model
    def _kinerja_public_holidays(self, companies, date_from, date_to):
        """{company id: set of dates} of the public holidays between two dates.

        Public holidays are the global leaves (no resource) of the company's
        working calendar, or of no calendar at all; read in one query.
        """
        result = {company.id: set() for company in companies}
        if not companies:
            return result
        calendars = companies.resource_calendar_id
        leaves = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("resource_id", "=", False),
                    ("company_id", "in", companies.ids),
                    ("calendar_id", "in", calendars.ids + [False]),
                    (
                        "date_from",
                        "<=",
                        datetime.datetime.combine(date_to, datetime.time.max),
                    ),
                    (
                        "date_to",
                        ">=",
                        datetime.datetime.combine(date_from, datetime.time.min),
                    ),
                ],
                ["company_id", "calendar_id", "date_from", "date_to"],
            )
        )
        calendar_of = {
            company.id: company.resource_calendar_id for company in companies
        }
        for leave in leaves:
            company_id = leave.company_id.id
            if leave.calendar_id and leave.calendar_id != calendar_of[company_id]:
                continue
            # stored in UTC: a holiday is a local day of the calendar's zone
            tz = pytz.timezone(calendar_of[company_id].tz or "UTC")
            local_from = pytz.utc.localize(leave.date_from).astimezone(tz)
            local_to = pytz.utc.localize(leave.date_to).astimezone(tz)
            day = max(local_from.date(), date_from)
            last = min(local_to.date(), date_to)
            while day <= last:
                result[company_id].add(day)
                day += working_days.ONE_DAY
        return result

    @api.model
    def _kinerja_add_working_days(self, company, start, count):
        """``count`` working days after ``start`` for the company."""
        span_start, span_end = working_days.holiday_span(start, count)
        holidays = self._kinerja_public_holidays(company, span_start, span_end)
        return working_days.add_working_days(start, count, holidays[company.id])
