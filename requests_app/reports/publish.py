"""The CCPA §7102 metrics in the three forms they leave the service in: JSON, CSV and the HTML page
a business publishes in (or links from) its privacy policy. Figures only: no staff, no requesters."""

import csv
import io

from django.conf import settings
from django.utils import timezone

from requests_app.reports.ccpa import DENIAL_GROUPS, CcpaMetrics, Figures
from requests_app.reports.documents import document_render

CSV_COLUMNS = (
    "year", "scope", "category", "kinds", "received", "complied_in_whole_or_part", "denied",
    *(f"denied_{group}" for group in DENIAL_GROUPS), "withdrawn", "pending", "extended", "responses",
    "median_days", "mean_days",
)


def _category_json(figures: Figures) -> dict:
    return {
        "category": figures.category.key,
        "label": str(figures.category.label),
        "kinds": list(figures.category.kinds),
        "received": figures.received,
        "complied_in_whole_or_part": figures.complied,
        "denied": {"total": figures.denied_total, **{group: figures.denied[group] for group in DENIAL_GROUPS}},
        "withdrawn": figures.withdrawn,
        "pending": figures.pending,
        "extended": figures.extended,
        "days_to_substantive_response": {
            "responses": len(figures.days), "median": figures.median_days, "mean": figures.mean_days,
        },
    }


def metrics_json(metrics: CcpaMetrics) -> dict:
    return {
        "report": "ccpa_7102_metrics",
        "business": settings.PRIVACY_SHOP_NAME,
        "year": metrics.year,
        "scope": metrics.scope,
        "scope_label": metrics.scope_label,
        "as_of": timezone.localtime(metrics.as_of).isoformat(),
        "complete_year": metrics.complete,
        "time_zone": settings.TIME_ZONE,
        "duplicates_not_counted": metrics.duplicates,
        "categories": [_category_json(figures) for figures in metrics.figures],
        "total": _category_json(metrics.total),
    }


def metrics_csv(metrics: CcpaMetrics) -> str:
    """One row per §7102 category; empty median/mean cells when a category had no response."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for figures in metrics.figures:
        writer.writerow([
            metrics.year, metrics.scope, figures.category.key, "+".join(figures.category.kinds), figures.received,
            figures.complied, figures.denied_total, *(figures.denied[group] for group in DENIAL_GROUPS),
            figures.withdrawn, figures.pending, figures.extended, len(figures.days),
            _blank(figures.median_days), _blank(figures.mean_days),
        ])
    return out.getvalue()


def _blank(value) -> str:
    return "" if value is None else str(value)


def metrics_html(metrics: CcpaMetrics, *, standalone: bool = True) -> str:
    total = metrics.total
    return document_render("reports/ccpa_metrics.html", {
        "metrics": metrics, "business": settings.PRIVACY_SHOP_NAME, "denial_groups": DENIAL_GROUPS,
        "rows": [(figures, [figures.denied[group] for group in DENIAL_GROUPS]) for figures in metrics.figures],
        "total": total, "total_denied": [total.denied[group] for group in DENIAL_GROUPS],
        "as_of": timezone.localtime(metrics.as_of),
    }, standalone=standalone)
