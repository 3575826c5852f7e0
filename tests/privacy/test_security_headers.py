"""Security headers and cookie flags with production settings (DEBUG=0), read from a real child process."""

import json

import pytest

from tests.privacy.test_settings import PRODUCTION, start_django


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The form page over HTTPS and plain HTTP, and a session-saving response, as the production settings answer them."""
    tmp_path = tmp_path_factory.mktemp("production")
    started = start_django(PRODUCTION | {"DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}"}, tmp_path,
                           code="from tests.privacy.production_probe import main; main()")  # fmt: skip
    assert started.returncode == 0, started.stderr[-3000:]
    return json.loads(started.stdout.strip().splitlines()[-1])


def test_a_production_page_carries_csp_hsts_frame_denial_referrer_policy_and_nosniff(
    production,
):
    headers = production["headers"]

    assert production["status"] == 200
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_production_session_and_csrf_cookies_are_secure_and_http_only(production):
    cookies = production["cookies"]

    assert set(cookies) == {"csrftoken", "sessionid"}
    for flags in cookies.values():
        assert (
            flags["secure"] is True
            and flags["httponly"] is True
            and flags["samesite"] == "Lax"
        )


def test_production_sends_plain_http_to_https(production):
    assert production["plain"] == {
        "status": 301,
        "location": "https://privacy.example.com/requests/",
    }
