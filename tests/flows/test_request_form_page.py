"""The request form in a real browser: labels, conditional sections, errors next to their fields."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_form_names_every_field_and_shows_order_details_only_when_they_apply(page, screens):
    # given a customer on the request form
    page.goto("/")
    screens.capture("request-form")

    # then every field is reachable by its label, the honeypot is not visible
    for label in ("E-mail address", "Full name (optional)", "Where do you live?"):
        assert page.get_by_label(label, exact=True).is_visible()
    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0, "the honeypot must sit off-screen"
    assert page.locator("html").get_attribute("lang") == "en"

    # and every control has a label, and the keyboard focus is visible
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => el.type !== 'hidden' && !el.closest('.hp'))
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
        .map(el => el.name)""")
    assert unlabelled == []
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    # and the order details appear once deletion is chosen
    assert not page.get_by_label("Order number").is_visible()
    page.get_by_label("Deletion of my data").check()
    assert page.get_by_label("Order number").is_visible()
    screens.capture("request-form-deletion")


def test_an_empty_form_is_sent_back_with_an_error_and_its_fix_next_to_each_field(page, screens):
    # given a customer who sends the form without filling it
    page.goto("/requests/")
    screens.capture("request-form")
    page.get_by_role("button", name="Send request").click()
    screens.capture("request-form-errors")

    # then each missing answer is explained next to its field, and summarised at the top
    assert page.locator("#id_kind_error").inner_text().endswith("Choose what you would like us to do.")
    assert page.locator("#id_email_error").inner_text().endswith("Enter your e-mail address.")
    assert page.get_by_label("E-mail address", exact=True).get_attribute("aria-invalid") == "true"
    page.get_by_role("alert").get_by_role("link", name="Enter your e-mail address.").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert page.title().startswith("Error:")


def test_the_form_fits_a_phone_screen_without_sideways_scrolling(page, screens):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/requests/")
    screens.capture("request-form-phone")

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.get_by_role("button", name="Send request").is_visible()
