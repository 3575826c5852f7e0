"""Every field the staff console can show is labelled in the staff member's language, never by its attribute name."""

import pytest
from django.contrib.admin.utils import label_for_field
from django.utils import translation

from privacy.audit.models import AuditChainHead, AuditEvent
from privacy.models import DataKey
from privacy.sources.erasure.models import ErasureRun
from requests_app.models import (
    AgentAuthorization,
    DeadlineExtension,
    ExportPackage,
    PrivacyRequest,
    RequestFindings,
    RequestNote,
    VerificationToken,
)
from requests_app.rights.models import MarketingSuppression, OptOutPreference
from retention.models import InactivityNotice, RetentionRun

MODELS = (
    PrivacyRequest, VerificationToken, DeadlineExtension, RequestNote, AgentAuthorization, RequestFindings, ExportPackage,
    ErasureRun, DataKey, AuditEvent, AuditChainHead, RetentionRun, InactivityNotice, OptOutPreference, MarketingSuppression,
)  # fmt: skip
SAME_WORDS = {"Amazon Pay", "action", "tables"}  # a name, and French words spelled as in English


def _labels(model, language: str) -> dict[str, str]:
    """Return the label the admin gives each field of `model` (as on a list column, filter or form) in `language`."""
    fields = [field.name for field in model._meta.concrete_fields if not field.primary_key]
    with translation.override(language):
        return {name: str(label_for_field(name, model)) for name in fields}


@pytest.mark.parametrize("language", ["de", "fr"])
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_of_the_model_is_labelled_in_the_staff_members_language(model, language):
    # given the labels the admin would show in English and in the staff member's language
    english, translated = _labels(model, "en"), _labels(model, language)
    # then every label is translated: none shows the English words, let alone the bare attribute name
    untranslated = {name: label for name, label in translated.items() if label == english[name] and label not in SAME_WORDS}
    assert untranslated == {}


def test_the_erasure_run_and_the_request_fields_read_in_german():
    # when a German-speaking staff member's console labels fields of a request and of its erasure run
    with translation.override("de"):
        request_labels = [str(label_for_field(name, PrivacyRequest)) for name in ("channel", "identity_sealed", "due_date")]
        run_labels = [str(label_for_field(name, ErasureRun)) for name in ("step", "scan", "completed_at")]
    # then they read in German
    assert request_labels == ["Eingangsweg", "Identität (verschlüsselt)", "fällig am"]
    assert run_labels == ["zuletzt erledigter Schritt", "Restprüfung", "abgeschlossen am"]
