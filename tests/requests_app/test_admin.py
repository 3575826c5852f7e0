"""The staff console on the Django admin: the queue, the request page, its actions, and who may do what."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from privacy.audit.selectors import audit_events_for_target
from requests_app.models import PrivacyRequest
from requests_app.services import (
    privacy_request_assign,
    privacy_request_mark_needs_attention,
    privacy_request_submit,
)
from requests_app.states import State

QUEUE = reverse("admin:requests_app_privacyrequest_changelist")
XSS = '<script>alert("pd")</script>'


@pytest.fixture
def staff(django_user_model):
    def make(username, *groups, superuser=False):
        user = django_user_model.objects.create_user(username=username, password=None, is_staff=True,
                                                     is_superuser=superuser)
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def officer(staff):
    return staff("olivia", "Privacy officer")


@pytest.fixture
def agent(staff):
    return staff("arthur", "Agent")


@pytest.fixture
def auditor(staff):
    return staff("audrey", "Auditor")


@pytest.fixture
def make_request(officer):
    """Record a request as staff would for one received by post (optionally days ago); returns it."""

    def make(*, email="ada@example.com", kind="access", jurisdiction="gdpr", days_ago=0, name="Ada Lovelace", verified=False):
        received = timezone.localdate() - timedelta(days=days_ago)
        return privacy_request_submit(kind=kind, email=email, jurisdiction=jurisdiction, channel="post", name=name,
                                      received_at=received, verified=verified, by=officer, start_processing=False)

    return make


def page_of(privacy_request) -> str:
    return reverse("admin:requests_app_privacyrequest_change", args=[privacy_request.pk])


def act(privacy_request, action: str) -> str:
    return reverse("admin:requests_app_privacyrequest_act", args=[privacy_request.pk, action])


def listed(response) -> set[int]:
    return {row.pk for row in response.context["cl"].result_list}


def column_headers(changelist_page: str) -> dict[str, str]:
    """Map each column of a change list page to the header text it shows."""
    return dict(re.findall(r'class="[^"]*column-(\w+)[^"]*">\s*(?:<div class="sortoptions">.*?</div>\s*)?'
                           r'<div class="text">(?:<a [^>]*>)?([^<]+)<', changelist_page, flags=re.DOTALL))


@pytest.mark.django_db
def test_the_console_is_branded_privacydesk(client, officer):
    client.force_login(officer)

    response = client.get(reverse("admin:index"))

    assert "<title>Staff console | PrivacyDesk staff console</title>" in response.content.decode()
    assert ">PrivacyDesk<" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "on_the_page", "badge"),
    [
        ("de", ["Verlauf", "Interne Notizen", "Frist verlängern", "Anfrage eingegangen", "Anfragende Person"], "{days} Tage überfällig"),
        ("fr", ["Historique", "Notes internes", "Prolonger le délai", "Demande reçue", "Demandeur"], "en retard de {days} jours"),
    ],
)
def test_the_queue_and_the_request_page_speak_the_language_the_staff_members_browser_asks_for(
    client, agent, make_request, accept_language, on_the_page, badge
):
    # given an overdue request and a staff member whose browser asks for German or French
    overdue = make_request(days_ago=40)
    client.force_login(agent)
    # when they open the queue and the request
    queue = client.get(QUEUE, HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    page = client.get(page_of(overdue), HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    # then our own labels are in that language, not only Django's
    days_late = (timezone.localdate() - overdue.due_date).days
    assert badge.format(days=days_late) in queue
    assert [text for text in on_the_page if text not in page] == []
    assert "Timeline" not in page and "Internal notes" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "add_button", "columns", "filters"),
    [
        ("de", "Datenschutzanfrage hinzufügen", {"state": "Status", "assignee": "Zuständigkeit"},
         ["Nach Status", "Nach Art", "Nach Rechtsordnung"]),
        ("fr", "Ajouter demande relative aux données personnelles", {"state": "État", "assignee": "Responsable"},
         ["Par état", "Par type", "Par juridiction"]),
    ],
)
def test_the_queue_names_the_model_its_columns_and_its_filters_in_the_staff_members_language(
    client, agent, make_request, accept_language, add_button, columns, filters
):
    # given a request and a staff member whose browser asks for German or French
    make_request()
    client.force_login(agent)
    # when they open the queue
    queue = client.get(QUEUE, HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    # then the model, the columns of its fields and its filters are named in that language, not by attribute names
    assert add_button in queue
    assert {name: column_headers(queue)[name] for name in columns} == columns
    assert [text for text in filters if text not in queue] == []
    assert "privacy request" not in queue.lower() and "By jurisdiction" not in queue


@pytest.mark.django_db
def test_the_queue_filters_by_state_kind_jurisdiction_deadline_and_assignee(client, officer, agent, make_request):
    # given requests that differ in every filtered way
    overdue = make_request(email="old@example.com", days_ago=40)
    due_soon = make_request(email="soon@example.com", kind="deletion", days_ago=27)
    fresh_ccpa = make_request(email="new@example.com", jurisdiction="ccpa", kind="export", verified=True)
    privacy_request_assign(privacy_request=due_soon, assignee=agent, by=officer)
    client.force_login(agent)

    # then each filter keeps exactly the requests it names
    assert listed(client.get(QUEUE, {"deadline": "overdue"})) == {overdue.pk}
    assert listed(client.get(QUEUE, {"deadline": "due_soon"})) == {due_soon.pk}
    assert listed(client.get(QUEUE, {"kind": "deletion"})) == {due_soon.pk}
    assert listed(client.get(QUEUE, {"jurisdiction": "ccpa"})) == {fresh_ccpa.pk}
    assert listed(client.get(QUEUE, {"state": State.VERIFIED})) == {fresh_ccpa.pk}
    assert listed(client.get(QUEUE, {"assignee": "me"})) == {due_soon.pk}
    assert listed(client.get(QUEUE, {"assignee": "none"})) == {overdue.pk, fresh_ccpa.pk}
    assert listed(client.get(QUEUE)) == {overdue.pk, due_soon.pk, fresh_ccpa.pk}


@pytest.mark.django_db
def test_the_queue_shows_deadline_badges_in_words_and_no_identity(client, officer, make_request):
    overdue = make_request(email="old@example.com", days_ago=40)
    client.force_login(officer)

    body = client.get(QUEUE).content.decode()

    days_late = (timezone.localdate() - overdue.due_date).days
    assert f'<span class="pd-badge pd-badge--error">overdue {days_late} days</span>' in body
    assert "old@example.com" not in body and "Ada Lovelace" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["ada@example.com", "  ADA@example.com "])
def test_an_exact_email_finds_its_requests_through_the_blind_index(client, officer, make_request, term):
    ada = make_request(email="ada@example.com")
    make_request(email="grace@example.com")
    client.force_login(officer)

    assert listed(client.get(QUEUE, {"q": term})) == {ada.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["ada", "example.com", "' OR 1=1 --", "%", "ada@example.com'; DROP TABLE x; --"])
def test_partial_or_hostile_searches_find_nothing_and_break_nothing(client, officer, make_request, term):
    make_request(email="ada@example.com")
    client.force_login(officer)

    response = client.get(QUEUE, {"q": term})

    assert response.status_code == 200 and listed(response) == set()


@pytest.mark.django_db
def test_a_request_number_finds_that_request(client, officer, make_request):
    make_request(email="grace@example.com")
    ada = make_request(email="ada@example.com")
    client.force_login(officer)

    assert listed(client.get(QUEUE, {"q": f"#{ada.pk}"})) == {ada.pk}


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BIGINT_MAX = 2**63 - 1  # the id column's limit on PostgreSQL (bigint); an AutoField (auth's users) ends at 2**31 - 1


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["²", "#²", "#{arabic}", "{arabic}", str(BIGINT_MAX + 1), f"#{'9' * 30}", "9" * 5000],
                         ids=["superscript", "#superscript", "#arabic-indic", "arabic-indic", "bigint-max+1",
                              "#30-digits", "5000-digits"])
def test_a_search_of_digits_that_are_no_request_number_finds_nothing_and_breaks_nothing(client, officer, make_request,
                                                                                        term):
    # given a request, and a search term that str.isdigit() accepts but is no id: superscript or Arabic-Indic digits
    # (the request's own number in them), or a number beyond the id column (and beyond int()'s 4300 digits)
    ada = make_request(email="ada@example.com")
    client.force_login(officer)

    # when staff search the queue for it
    response = client.get(QUEUE, {"q": term.format(arabic=str(ada.pk).translate(ARABIC_INDIC))})

    # then the queue answers, empty
    assert response.status_code == 200 and listed(response) == set()


@pytest.mark.django_db
def test_the_largest_request_number_the_column_holds_is_searched_for_and_found_absent(client, officer, make_request):
    make_request(email="ada@example.com")
    client.force_login(officer)

    response = client.get(QUEUE, {"q": f"#{BIGINT_MAX}"})

    assert response.status_code == 200 and listed(response) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "{arabic}", str(2**63), "9" * 5000, "someone"],
                         ids=["superscript", "arabic-indic", "bigint-max+1", "5000-digits", "a-word"])
def test_an_assignee_filter_that_names_no_user_id_lists_nothing(client, officer, agent, make_request, value):
    # given a request assigned to an agent, and a filter value that is not a user id (the agent's own in Arabic-Indic
    # digits, a number beyond any id column)
    assigned = make_request(email="ada@example.com")
    privacy_request_assign(privacy_request=assigned, assignee=agent, by=officer)
    client.force_login(officer)

    # when staff filter the queue by it
    response = client.get(QUEUE, {"assignee": value.format(arabic=str(agent.pk).translate(ARABIC_INDIC))})

    # then the queue answers, empty; the agent's own id still lists the request
    assert response.status_code == 200 and listed(response) == set()
    assert listed(client.get(QUEUE, {"assignee": str(agent.pk)})) == {assigned.pk}


@pytest.mark.django_db
def test_the_request_page_shows_the_identity_to_agents_but_not_to_auditors(client, agent, auditor, make_request):
    ada = make_request()

    client.force_login(agent)
    seen_by_agent = client.get(page_of(ada)).content.decode()
    client.force_login(auditor)
    seen_by_auditor = client.get(page_of(ada))

    assert "ada@example.com" in seen_by_agent and "Request received" in seen_by_agent
    assert seen_by_auditor.status_code == 200
    assert "ada@example.com" not in seen_by_auditor.content.decode()
    assert "Request received" in seen_by_auditor.content.decode()


@pytest.mark.django_db
def test_an_auditor_has_no_action_and_a_forged_one_is_refused(client, auditor, make_request):
    ada = make_request()
    client.force_login(auditor)

    page = client.get(page_of(ada)).content.decode()
    forged = client.post(act(ada, "note"), {"note-body": "sneaky"})

    assert 'id="action-' not in page and "No action is open to you" in page
    assert forged.status_code == 403
    assert not ada.notes.exists()


@pytest.mark.django_db
def test_an_outsider_without_staff_rights_is_sent_to_the_login(client, django_user_model, make_request):
    ada = make_request()
    client.force_login(django_user_model.objects.create_user("mallory", password=None))

    response = client.get(page_of(ada))

    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.django_db
def test_extending_with_a_reason_moves_the_due_date_notifies_and_is_audited(client, agent, make_request, mailoutbox,
                                                                           django_capture_on_commit_callbacks):
    # given a GDPR request received today
    ada = make_request()
    first_due = ada.due_date
    client.force_login(agent)

    # when an agent extends it by two months with a reason
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(act(ada, "extend"), {"extend-reason": "Orders span three systems", "extend-extension": "2"},
                               follow=True)

    # then the due date moved, the page says so, the requester got a notice and the audit trail has it
    ada.refresh_from_db()
    assert ada.due_date > first_due and ada.extension == 2
    assert "Extended: the request is now due on" in response.content.decode()
    assert 'id="action-extend"' not in response.content.decode(), "two months is the most the GDPR allows"
    actions = [event.action for event in audit_events_for_target(target_type="privacy_request", target_id=ada.pk)]
    assert "request.extended" in actions
    assert any("ada@example.com" in message.to for message in mailoutbox)


@pytest.mark.django_db
def test_an_extension_without_a_reason_is_refused_next_to_the_field(client, agent, make_request):
    ada = make_request()
    client.force_login(agent)

    response = client.post(act(ada, "extend"), {"extend-reason": "", "extend-extension": "2"})

    ada.refresh_from_db()
    assert response.status_code == 400
    assert ada.extension == 0
    assert 'id="id_extend-reason_error"' in response.content.decode()


@pytest.mark.django_db
def test_deny_with_a_reason_closes_the_request(client, agent, make_request):
    ada = make_request()
    client.force_login(agent)

    client.post(act(ada, "deny"), {"deny-reason": "manifestly_unfounded", "deny-explanation": "Fifth identical request."})

    ada.refresh_from_db()
    assert ada.state == State.DENIED and ada.denial_reason == "manifestly_unfounded"


@pytest.mark.django_db
def test_manual_verification_records_who_verified_and_how(client, agent, make_request):
    ada = make_request()
    client.force_login(agent)

    client.post(act(ada, "verify"), {"verify-evidence": "Called back on the order's phone number"})

    ada.refresh_from_db()
    assert ada.verified_at is not None and ada.verification_method == "staff"
    body = client.get(page_of(ada)).content.decode()
    assert "Called back on the order" in body


@pytest.mark.django_db
def test_assign_retry_and_notes_go_through_their_services(client, officer, agent, make_request):
    ada = make_request()
    privacy_request_mark_needs_attention(privacy_request=ada, reason="Magento was unreachable", by=officer)
    client.force_login(officer)

    client.post(act(ada, "assign"), {"assign-assignee": agent.pk})
    client.post(act(ada, "note"), {"note-body": "Waiting for the shop's DBA"})
    client.post(act(ada, "retry"))

    ada.refresh_from_db()
    actions = [event.action for event in audit_events_for_target(target_type="privacy_request", target_id=ada.pk)]
    assert ada.assignee == agent and ada.notes.count() == 1 and ada.state != State.NEEDS_ATTENTION
    assert {"request.assigned", "request.note_added", "request.retried"} <= set(actions)


@pytest.mark.django_db
def test_an_action_that_does_not_apply_in_this_state_is_refused(client, agent, make_request):
    ada = make_request()
    client.force_login(agent)

    response = client.post(act(ada, "retry"))

    assert response.status_code == 403
    assert PrivacyRequest.objects.get(pk=ada.pk).state == ada.state


@pytest.mark.django_db
def test_markup_in_names_and_notes_is_shown_escaped(client, officer, make_request):
    ada = make_request(name=XSS)
    client.force_login(officer)
    client.post(act(ada, "note"), {"note-body": XSS})

    body = client.get(page_of(ada)).content.decode()

    assert XSS not in body
    assert body.count("&lt;script&gt;alert(&quot;pd&quot;)&lt;/script&gt;") == 2


@pytest.fixture
def deletion_in_review(make_request, magento_schema):
    """A verified deletion request that discovery has put in review (an empty shop: nothing found)."""
    from requests_app.fulfilment import privacy_request_discover

    deletion = make_request(kind="deletion", verified=True)
    return privacy_request_discover(request_id=deletion.pk)


@pytest.mark.django_db(databases=["default", "magento"])
def test_an_agent_sees_no_approve_button_for_an_erasure_and_a_forged_approval_is_refused(client, agent, deletion_in_review):
    # given a deletion waiting in review, and an agent (who works requests but may not approve erasure)
    assert deletion_in_review.state == State.IN_REVIEW
    client.force_login(agent)

    # when the agent opens it, then tries to approve it anyway
    page = client.get(page_of(deletion_in_review)).content.decode()
    forged = client.post(act(deletion_in_review, "approve"))

    # then there is no approve button, the forged approval is refused, and nothing changed
    assert 'id="action-deny"' in page and 'id="action-approve"' not in page
    assert forged.status_code == 403
    assert PrivacyRequest.objects.get(pk=deletion_in_review.pk).state == State.IN_REVIEW


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_approval_service_itself_refuses_an_agent_an_erasure(agent, deletion_in_review):
    from django.core.exceptions import PermissionDenied

    from requests_app.services import privacy_request_approve

    with pytest.raises(PermissionDenied, match="approve_erasure"):
        privacy_request_approve(privacy_request=deletion_in_review, by=agent)


@pytest.mark.django_db(databases=["default", "magento"])
def test_an_officer_sees_the_approve_button_for_an_erasure(client, officer, deletion_in_review):
    client.force_login(officer)

    page = client.get(page_of(deletion_in_review)).content.decode()

    assert 'id="action-approve"' in page


@pytest.mark.django_db(databases=["default", "magento"])
def test_the_erasure_preview_of_a_requester_the_shop_does_not_know_says_nothing_will_be_erased(client, officer,
                                                                                             deletion_in_review):
    client.force_login(officer)

    page = client.get(page_of(deletion_in_review)).content.decode()

    assert "Dry run of what approval will do" in page
    assert "Nothing of this requester was found in the shop: approval erases nothing." in page


@pytest.mark.django_db
def test_requests_of_other_kinds_have_no_erasure_panel(client, officer, make_request):
    client.force_login(officer)

    assert 'id="erasure"' not in client.get(page_of(make_request(kind="access"))).content.decode()


@pytest.fixture
def completed_export(make_request, officer, magento_schema, django_capture_on_commit_callbacks):
    """An export request carried out against an (empty) shop: its encrypted package is ready."""
    from requests_app.fulfilment import privacy_request_discover
    from requests_app.services import privacy_request_approve

    export = make_request(kind="export", verified=True)
    privacy_request_discover(request_id=export.pk)
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_approve(privacy_request=PrivacyRequest.objects.get(pk=export.pk), by=officer)
    return PrivacyRequest.objects.get(pk=export.pk)


def package_url(privacy_request) -> str:
    return reverse("admin:requests_app_privacyrequest_package", args=[privacy_request.pk])


@pytest.mark.django_db(databases=["default", "magento"])
def test_staff_who_work_requests_download_the_export_package_and_it_is_audited(client, agent, completed_export):
    import io
    import zipfile

    client.force_login(agent)
    assert "Download the export package" in client.get(page_of(completed_export)).content.decode()

    response = client.post(package_url(completed_export))

    assert response["Content-Disposition"].startswith("attachment;") and "no-store" in response["Cache-Control"]
    assert "data.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    downloads = [e for e in audit_events_for_target(target_type="privacy_request", target_id=completed_export.pk)
                 if e.action == "request.export_downloaded"]
    assert [e.actor_label for e in downloads] == ["arthur"]


@pytest.mark.django_db(databases=["default", "magento"])
def test_an_auditor_cannot_download_the_export_package(client, auditor, completed_export):
    client.force_login(auditor)

    assert "Download the export package" not in client.get(page_of(completed_export)).content.decode()
    assert client.post(package_url(completed_export)).status_code == 403


@pytest.mark.django_db
def test_staff_open_an_agents_signed_permission(client, agent, auditor, officer):
    from requests_app.services import AgentSubmission

    document = b"%PDF-1.7 I authorize Bob Agent"
    agent_request = privacy_request_submit(
        kind="access", email="ada@example.com", jurisdiction="ccpa", channel="web", start_processing=False,
        agent=AgentSubmission(name="Bob Agent", email="bob@agency.example", document=document,
                              document_name="permission.pdf", content_type="application/pdf"),
    )
    url = reverse("admin:requests_app_privacyrequest_agent_document", args=[agent_request.pk])

    client.force_login(agent)
    opened = client.post(url)
    client.force_login(auditor)
    refused = client.post(url)

    assert opened.content == document and opened["Content-Type"] == "application/pdf"
    assert refused.status_code == 403


ENTRY = reverse("admin:requests_app_privacyrequest_add")


@pytest.mark.django_db
def test_staff_enter_a_letter_with_the_day_it_arrived_and_the_clock_runs_from_then(client, agent, mailoutbox,
                                                                                   django_capture_on_commit_callbacks):
    # given a letter that arrived ten days ago
    arrived = timezone.localdate() - timedelta(days=10)
    client.force_login(agent)

    # when an agent enters it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENTRY, {"kind": "access", "jurisdiction": "gdpr", "channel": "post",
                                       "received_on": arrived.isoformat(), "email": "ada@example.com", "name": "Ada"})

    # then the request runs from the letter's day and the requester is asked to confirm by e-mail
    letter = PrivacyRequest.objects.get()
    assert response.status_code == 302 and response.url == page_of(letter)
    assert letter.channel == "post" and timezone.localdate(letter.received_at) == arrived
    assert letter.due_date < timezone.localdate() + timedelta(days=31)
    assert letter.state == State.AWAITING_VERIFICATION
    assert [m.to for m in mailoutbox] == [["ada@example.com"]]


@pytest.mark.django_db
def test_a_request_verified_by_staff_at_entry_keeps_how(client, agent):
    client.force_login(agent)

    client.post(ENTRY, {"kind": "correction", "jurisdiction": "uk_gdpr", "channel": "phone",
                        "received_on": timezone.localdate().isoformat(), "email": "ada@example.com",
                        "details": "Street is Elm Road 4", "evidence": "Called back on the number of order 000000123"})

    entered = PrivacyRequest.objects.get()
    assert entered.verification_method == "staff"
    assert "Called back on the number of order" in client.get(page_of(entered)).content.decode()


@pytest.mark.django_db
def test_a_receipt_day_in_the_future_is_refused_next_to_the_field(client, agent):
    client.force_login(agent)
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client.post(ENTRY, {"kind": "access", "jurisdiction": "gdpr", "channel": "email",
                                   "received_on": tomorrow.isoformat(), "email": "ada@example.com"})

    assert response.status_code == 400
    assert 'id="id_received_on_error"' in response.content.decode()
    assert "in the future" in response.content.decode()
    assert not PrivacyRequest.objects.exists()


@pytest.mark.django_db
def test_an_auditor_cannot_enter_a_request(client, auditor):
    client.force_login(auditor)

    assert client.get(ENTRY).status_code == 403
    assert "Add privacy request" not in client.get(QUEUE).content.decode()


@pytest.mark.django_db
def test_denying_for_another_reason_without_an_explanation_is_refused_next_to_the_field(client, agent, make_request):
    ada = make_request()
    client.force_login(agent)

    response = client.post(act(ada, "deny"), {"deny-reason": "other", "deny-explanation": ""})

    assert response.status_code == 400
    assert 'id="id_deny-explanation_error"' in response.content.decode()
    assert PrivacyRequest.objects.get(pk=ada.pk).state == ada.state
