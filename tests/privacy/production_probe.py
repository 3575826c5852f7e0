"""Run in a child process started with production settings (DEBUG=0): print one JSON answer of the form page
over HTTPS and over plain HTTP, and of a response that saved a session, for tests/privacy/test_security_headers.py."""

import json

import django

django.setup()

from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import setup_test_environment

HOST = "privacy.example.com"


def _cookies(response) -> dict:
    return {
        name: {flag: morsel[flag] for flag in ("secure", "httponly", "samesite")}
        for name, morsel in response.cookies.items()
    }


def _session_saving_view(request):
    request.session["seen"] = True
    return HttpResponse()


def main() -> None:
    setup_test_environment()
    call_command("migrate", "sessions", verbosity=0)
    page = Client().get("/requests/", secure=True, HTTP_HOST=HOST)
    plain = Client().get("/requests/", HTTP_HOST=HOST)
    session = SessionMiddleware(_session_saving_view)(
        RequestFactory().get("/", secure=True, HTTP_HOST=HOST)
    )
    print(json.dumps({"status": page.status_code, "headers": dict(page.headers), "cookies": _cookies(page) | _cookies(session),
                      "plain": {"status": plain.status_code, "location": plain.headers.get("Location")}}))  # fmt: skip


if __name__ == "__main__":
    main()
