"""Stand-alone HTML documents (the published metrics, the Art. 30 record, a request's report).

Served by the staff console they link the stylesheet (the site's Content-Security-Policy
forbids inline styles); written to a file by the CLI they carry it inline, so the file is
complete on its own: publish it, print it or hand it over as it is.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

STYLESHEET = "requests_app/reports.css"


@cache
def _stylesheet_text() -> str:
    with open(finders.find(STYLESHEET), encoding="utf-8") as handle:
        return handle.read()


def document_render(template: str, context: dict, *, standalone: bool) -> str:
    """Render template as a whole HTML document; standalone inlines the stylesheet."""
    return render_to_string(template, {
        **context,
        "stylesheet": STYLESHEET,
        "inline_css": _stylesheet_text() if standalone else "",
        "rendered_at": timezone.now(),
    })
