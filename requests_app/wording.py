"""A label inside a sentence, in the active language."""

from django.utils.translation import get_language

# German capitalises every noun wherever it stands: "Auskunft über meine Daten" keeps its capitals mid-sentence.
NOUNS_CAPITALISED = {"de"}


def mid_sentence(label) -> str:
    """Return label as it reads inside a sentence: its first letter lower-cased, unless the language keeps it."""
    text = str(label)
    if (get_language() or "").split("-")[0] in NOUNS_CAPITALISED:
        return text
    return text[:1].lower() + text[1:]
