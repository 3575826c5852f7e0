"""The self-service "Do not sell or share my personal information" page (CCPA §7026, §7027).

No verification (an opt-out is not a verifiable request) and the same answer for every address.
A browser that sends Global Privacy Control (`Sec-GPC: 1`) is told the signal is honoured, and
submitting the page with it records an opt-out of sale/sharing even if the box was left unticked.
"""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from privacy.crypto import email_index
from requests_app.ratelimit import client_address, rate_limit_hit
from requests_app.rights.forms import OptOutForm
from requests_app.rights.models import PreferenceKind
from requests_app.rights.preferences import gpc_signal, opt_outs_record


def _rate_limited(request) -> bool:
    over_ip = rate_limit_hit(scope="form-ip", key=client_address(request), setting="PRIVACY_FORM_RATE_PER_IP")
    email = request.POST.get("email", "").strip()
    return over_ip or (bool(email) and rate_limit_hit(scope="form-email", key=email_index(email),
                                                      setting="PRIVACY_FORM_RATE_PER_EMAIL"))


@require_http_methods(["GET", "POST"])
def opt_out(request):
    gpc = gpc_signal(request.headers)
    if request.method == "GET":
        initial = {"kinds": [PreferenceKind.OPT_OUT] if gpc else []}
        return render(request, "rights/opt_out.html", {"form": OptOutForm(gpc=gpc, initial=initial), "gpc": gpc})
    form = OptOutForm(request.POST, gpc=gpc)
    if form.is_bot:
        return redirect("selfservice:opt-out-done")
    if _rate_limited(request):
        return render(request, "selfservice/rate_limited.html", status=429)
    if not form.is_valid():
        return render(request, "rights/opt_out.html", {"form": form, "gpc": gpc}, status=400)
    data = form.cleaned_data
    opt_outs_record(email=data["email"], kinds=data["kinds"], gpc=gpc, channel="web", jurisdiction=data["jurisdiction"],
                    language=get_language())
    return redirect("selfservice:opt-out-done")


@require_GET
def opt_out_done(request):
    return render(request, "rights/opt_out_done.html")
