import base64
import hashlib
from datetime import UTC, datetime

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from privacy.sources.amazon_pay import AmazonPayClient, AmazonPayConfig, signing
from privacy.sources.amazon_pay.client import REGION_HOSTS
from privacy.sources.amazon_pay.simulator import SignatureChecker

PINNED = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
PLAIN_KEY_ID = "AGSQL22LHYAGJB367CTD2RHD"
EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
# The button payload and its digest from the official SDKs' tests (PHP ClientTest, .NET SignatureHelperTest).
SDK_BUTTON_PAYLOAD = (
    '{"storeId":"amzn1.application-oa2-client.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","webCheckoutDetails":'
    '{"checkoutReviewReturnUrl":"https://localhost/test/CheckoutReview.php",'
    '"checkoutResultReturnUrl":"https://localhost/test/CheckoutResult.php"}}'
)
SDK_BUTTON_DIGEST = "8dec52d799607be40f82d5c8e7ecb6c171e6591c41b1111a576b16076c89381c"


def client(keys, **config) -> AmazonPayClient:
    private_key = signing.private_key_load(keys.private_key_path.read_bytes())
    options = {"public_key_id": PLAIN_KEY_ID, "region": "eu", **config}
    return AmazonPayClient(AmazonPayConfig(private_key=private_key, **options), now=lambda: PINNED)


def pss_verifies(keys, text: str, signature: str, salt: int) -> bool:
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=salt)
    try:
        keys.public_key().verify(base64.b64decode(signature), text.encode(), pss, hashes.SHA256())
    except InvalidSignature:
        return False
    return True


def signature_of(signed) -> str:
    return signing.authorization_parse(signed.headers["authorization"]).signature


@pytest.mark.parametrize("algorithm", [signing.V1, signing.V2])
def test_string_to_sign_matches_the_sdk_known_answer_for_both_algorithm_names(algorithm):
    assert signing.string_to_sign(algorithm, SDK_BUTTON_PAYLOAD) == f"{algorithm.name}\n{SDK_BUTTON_DIGEST}"


def test_canonical_query_matches_the_php_sdk_known_answer():
    params = [
        ("chargePermissionId", "P03-0772540-6944847"),
        ("chargeReferenceId", "chargeReferenceId-1"),
        ("chargeTotal", "100.50"),
        ("currencyCode", "JPY"),
        ("amount", "100.50"),
        ("softDescriptor", "chargeTest-1"),
        ("metadata.1", "shoe sale"),
        ("metadata.2", "Information about order"),
        ("merchantNote", ""),
        ("customInformation", "Information about order"),
        ("merchantStoreName", "Name of Store"),
        ("merchantOrderId", "Order 123"),
    ]

    assert signing.canonical_query(params) == (
        "amount=100.50&chargePermissionId=P03-0772540-6944847&chargeReferenceId=chargeReferenceId-1"
        "&chargeTotal=100.50&currencyCode=JPY&customInformation=Information%20about%20order"
        "&merchantOrderId=Order%20123&merchantStoreName=Name%20of%20Store&metadata.1=shoe%20sale"
        "&metadata.2=Information%20about%20order&softDescriptor=chargeTest-1"
    )


def test_get_request_is_signed_over_the_documented_canonical_request(amazon_pay_keys):
    expected_canonical = (
        "GET\n"
        "/sandbox/v2/chargePermissions/S01-5105180-3221187\n"
        "\n"
        "accept:application/json\n"
        "content-type:application/json\n"
        "x-amz-pay-date:20240102T030405Z\n"
        "x-amz-pay-host:pay-api.amazon.eu\n"
        "x-amz-pay-region:eu\n"
        "\n"
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region\n"
        f"{EMPTY_BODY_SHA256}"
    )
    expected_string = f"AMZN-PAY-RSASSA-PSS-V2\n{hashlib.sha256(expected_canonical.encode()).hexdigest()}"

    signed = client(amazon_pay_keys).request_sign(method="GET", resource="chargePermissions/S01-5105180-3221187")

    assert signed.url == "https://pay-api.amazon.eu/sandbox/v2/chargePermissions/S01-5105180-3221187"
    assert signed.headers["authorization"].startswith(
        f"AMZN-PAY-RSASSA-PSS-V2 PublicKeyId={PLAIN_KEY_ID}, "
        "SignedHeaders=accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region, Signature="
    )
    assert pss_verifies(amazon_pay_keys, expected_string, signature_of(signed), salt=32)


def test_close_request_signs_its_body_and_the_idempotency_key(amazon_pay_keys):
    body = b'{"closureReason":"Erasure request","cancelPendingCharges":true}'
    expected_canonical = (
        "DELETE\n"
        "/live/v2/chargePermissions/S01-5105180-3221187/close\n"
        "\n"
        "accept:application/json\n"
        "content-type:application/json\n"
        "x-amz-pay-date:20240102T030405Z\n"
        "x-amz-pay-host:pay-api.amazon.com\n"
        "x-amz-pay-idempotency-key:req-42-close\n"
        "x-amz-pay-region:na\n"
        "\n"
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region\n"
        f"{hashlib.sha256(body).hexdigest()}"
    )
    expected_string = f"AMZN-PAY-RSASSA-PSS\n{hashlib.sha256(expected_canonical.encode()).hexdigest()}"
    signer = client(amazon_pay_keys, region="na", sandbox=False, algorithm="AMZN-PAY-RSASSA-PSS")

    signed = signer.request_sign(
        method="DELETE",
        resource="chargePermissions/S01-5105180-3221187/close",
        body=body,
        idempotency_key="req-42-close",
    )

    assert signed.headers["x-amz-pay-idempotency-key"] == "req-42-close"
    assert pss_verifies(amazon_pay_keys, expected_string, signature_of(signed), salt=20)


@pytest.mark.parametrize("region", ["na", "eu", "jp"])
@pytest.mark.parametrize(("algorithm", "salt", "other_salt"), [(signing.V2, 32, 20), (signing.V1, 20, 32)])
def test_signature_verifies_with_the_public_key_only_at_the_algorithms_salt_length(
    amazon_pay_keys, region, algorithm, salt, other_salt
):
    signer = client(
        amazon_pay_keys, public_key_id=amazon_pay_keys.public_key_id, region=region, algorithm=algorithm.name
    )
    checker = SignatureChecker(
        public_keys={amazon_pay_keys.public_key_id: amazon_pay_keys.public_key()},
        hosts=[REGION_HOSTS[region]],
        now=lambda: PINNED,
    )

    signed = signer.request_sign(method="GET", resource="charges/S01-5105180-3221187-C056351")
    accepted = checker.check(
        method="GET",
        path=signed.url.removeprefix(f"https://{REGION_HOSTS[region]}"),
        query="",
        headers=signed.headers,
        body=b"",
    )

    assert signed.url.startswith(f"https://{REGION_HOSTS[region]}/")
    assert signed.headers["x-amz-pay-region"] == region
    assert accepted.algorithm == algorithm.name
    canonical = signing.canonical_request(
        method="GET",
        path="/v2/charges/S01-5105180-3221187-C056351",
        query="",
        headers={
            name: signed.headers[name]
            for name in signing.authorization_parse(signed.headers["authorization"]).signed_headers
        },
        body=b"",
    )
    text = signing.string_to_sign(algorithm, canonical)
    assert pss_verifies(amazon_pay_keys, text, signature_of(signed), salt=salt)
    assert not pss_verifies(amazon_pay_keys, text, signature_of(signed), salt=other_salt)


@pytest.mark.parametrize(
    ("public_key_id", "sandbox", "expected_path"),
    [
        (PLAIN_KEY_ID, True, "/sandbox/v2/refunds/S01-5105180-3221187-R022311"),
        (PLAIN_KEY_ID, False, "/live/v2/refunds/S01-5105180-3221187-R022311"),
        ("SANDBOX-" + PLAIN_KEY_ID, False, "/v2/refunds/S01-5105180-3221187-R022311"),
        ("LIVE-" + PLAIN_KEY_ID, True, "/v2/refunds/S01-5105180-3221187-R022311"),
        ("live-" + PLAIN_KEY_ID, True, "/v2/refunds/S01-5105180-3221187-R022311"),
    ],
)
def test_path_has_an_environment_segment_unless_the_key_id_is_environment_specific(
    amazon_pay_keys, public_key_id, sandbox, expected_path
):
    signer = client(amazon_pay_keys, public_key_id=public_key_id, sandbox=sandbox, region="jp")

    signed = signer.request_sign(method="GET", resource="refunds/S01-5105180-3221187-R022311")

    assert signed.url == f"https://pay-api.amazon.jp{expected_path}"


@pytest.mark.parametrize(
    ("alias", "host"), [("us", "pay-api.amazon.com"), ("de", "pay-api.amazon.eu"), ("uk", "pay-api.amazon.eu")]
)
def test_sdk_region_aliases_map_to_their_region_host(amazon_pay_keys, alias, host):
    signed = client(amazon_pay_keys, region=alias).request_sign(method="GET", resource="charges/x")

    assert signed.headers["x-amz-pay-host"] == host


def test_endpoint_override_replaces_the_base_url_and_the_signed_host(amazon_pay_keys):
    signer = client(amazon_pay_keys, endpoint="http://127.0.0.1:8765/amazon")

    signed = signer.request_sign(method="GET", resource="buyers/token")

    assert signed.url == "http://127.0.0.1:8765/amazon/sandbox/v2/buyers/token"
    assert signed.headers["x-amz-pay-host"] == "127.0.0.1"


def test_unknown_region_or_algorithm_is_refused_naming_the_choices(amazon_pay_keys):
    with pytest.raises(ValueError, match="na, eu, jp"):
        client(amazon_pay_keys, region="au")
    with pytest.raises(ValueError, match="AMZN-PAY-RSASSA-PSS-V2"):
        client(amazon_pay_keys, algorithm="HMAC-SHA256")


def test_malformed_authorization_header_is_refused():
    with pytest.raises(ValueError, match="PublicKeyId"):
        signing.authorization_parse("AMZN-PAY-RSASSA-PSS-V2 Signature=abc")


@pytest.mark.parametrize("value", ["20240102T030405Z", "2024-01-02T03:04:05Z"])
def test_both_sdk_date_forms_parse_to_the_same_moment(value):
    assert signing.amz_date_parse(value) == PINNED
