"""The dashboard's figures drawn as charts (see charts.py); the same figures also print as tables."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from requests_app.reports.charts import Chart, Series, column_chart, compact, hbar_chart, line_chart
from requests_app.reports.dashboard import Dashboard


def month_label(month) -> str:
    return date_format(month, "M y")


def _percent(value: float) -> str:
    return f"{value:g}%"


def _days(value: float) -> str:
    return _("%(days)s d") % {"days": f"{value:g}"}


def dashboard_charts(dashboard: Dashboard) -> dict[str, Chart]:
    months = [month_label(month) for month in dashboard.months]
    open_requests = dashboard.open
    return {
        "open_by_state": hbar_chart(
            id="chart-open-state", title=_("Open requests by state"),
            labels=[label for _state, label, _n in open_requests.states], values=[n for *_, n in open_requests.states],
        ),
        "open_by_kind": hbar_chart(
            id="chart-open-kind", title=_("Open requests by kind"),
            labels=[label for _kind, label, _n in open_requests.kinds], values=[n for *_, n in open_requests.kinds],
        ),
        "on_time": line_chart(
            id="chart-on-time", title=_("Requests answered on time, per month of the answer"), labels=months,
            values=[month.rate for month in dashboard.on_time], maximum=100, formatter=_percent,
            missing=_("no answers"),
        ),
        "days_to_close": hbar_chart(
            id="chart-days", title=_("Median days from receipt to answer, per kind"),
            labels=[entry.label for entry in dashboard.days_to_close],
            values=[entry.median_days for entry in dashboard.days_to_close], formatter=_days,
            missing=_("no answers"),
        ),
        "retention_runs": column_chart(
            id="chart-retention-runs", title=_("Retention runs started per month"), labels=months,
            series=[Series(_("runs"), tuple(month.runs for month in dashboard.retention))], height=170,
        ),
        "retention_rows": column_chart(
            id="chart-retention-rows", title=_("Rows anonymized and deleted by retention, per month"), labels=months,
            series=[Series(_("anonymized"), tuple(month.anonymized for month in dashboard.retention)),
                    Series(_("deleted"), tuple(month.deleted for month in dashboard.retention))],
            formatter=compact,
        ),
    }
