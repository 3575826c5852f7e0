"""The subject's identifiers: gathered from their rows, scrubbed out of free text, recognised by the scan."""

from privacy.sources.erasure.identifiers import (
    Identifiers,
    Matcher,
    identifiers_collect,
)

ADA = Identifiers(
    emails=frozenset({"ada@example.com"}), names=frozenset({("Ada", "Lovelace")}), streets=frozenset({"12 Analytical Row"}),
    phones=frozenset({"+44 7700 900123"}), buyer_ids=frozenset({"amzn1.account.AH3X6Q5J2K7L8M9N0P1Q2R3S4T5U"}),
    ips=frozenset({"192.0.2.1"}),
)


def test_identifiers_are_gathered_from_every_kind_of_row_and_normalised():
    rows = {
        "customer_entity": {1: {"email": " Ada@Example.com ", "firstname": "Ada", "lastname": "Lovelace"}},
        "sales_order_address": {5: {"street": "12 Analytical Row\nFlat 3", "telephone": "+44 7700 900123", "firstname": "Ada",
                                    "lastname": "Lovelace", "email": "ada@example.com"}},
        "sales_order": {9: {"remote_ip": "192.0.2.1", "x_forwarded_for": "198.51.100.7, 0.0.0.0"}},
        "amazon_customer": {2: {"amazon_id": "amzn1.account.AH3X6Q5J2K7L8M9N0P1Q2R3S4T5U"}},
    }  # fmt: skip
    found = identifiers_collect(rows=rows, emails={"ADA@example.com"})
    assert found.emails == {"ada@example.com"} and found.names == {("Ada", "Lovelace")}
    assert found.streets == {"12 Analytical Row"}  # "Flat 3" is too short to identify anyone
    assert found.ips == {"192.0.2.1", "198.51.100.7"} and found.buyer_ids == {"amzn1.account.AH3X6Q5J2K7L8M9N0P1Q2R3S4T5U"}


def test_scrubbing_replaces_every_identifier_in_any_case_or_punctuation_and_keeps_the_rest():
    text = "ADA LOVELACE (ada@EXAMPLE.com, tel. +44 (7700) 900-123) moved to 12 analytical row; Ada says hi."
    assert Matcher(ADA).scrub(text) == "[removed] ([removed], tel. [removed]) moved to [removed]; [removed] says hi."


def test_scrubbing_leaves_names_inside_other_words_and_other_ip_addresses_alone():
    assert Matcher(ADA).scrub("Adamant clients at 192.0.2.10") == "Adamant clients at 192.0.2.10"


def test_a_telephone_number_counts_however_it_is_punctuated_and_only_with_all_its_digits():
    matcher = Matcher(ADA)
    assert matcher.kinds("call 44 (7700) 900.123 after six", own_row=True) == {"phone"}
    assert "name_with_address" in matcher.kinds("Ada: +44-7700-900-123", own_row=False)
    assert matcher.kinds("order 447700900124, parcel 7700 900123", own_row=True) == set()
    assert matcher.scrub("order 447700900124 for 44/7700 900 123") == "order 447700900124 for [removed]"


def test_a_name_alone_counts_only_in_the_subjects_own_rows_but_next_to_their_street_everywhere():
    matcher = Matcher(ADA)
    assert matcher.kinds("Dear Ada", own_row=False) == set()
    assert matcher.kinds("Dear Ada", own_row=True) == {"name"}
    assert "name_with_address" in matcher.kinds("Ada Lovelace, 12 Analytical Row", own_row=False)
    assert matcher.kinds("contact: ADA@example.com", own_row=False) == {"email"}
