"""Compliance reporting: reads only, rendered by the admin views and the `privacy` CLI.

ccpa        CCPA §7102 metrics for a calendar year (what counts where: docs/reporting.md)
dashboard   the staff dashboard's figures (queue, deadlines, retention, audit chain)
charts      geometry of the small server-rendered SVG charts
record      the GDPR Art. 30(1) record of processing, from the data map and retention policies
casefile    one request's report for a regulator: timeline, deadlines, actions, erasure evidence
"""
