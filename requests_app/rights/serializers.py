"""Input shapes the request API shares with the rights endpoints."""

from rest_framework import serializers

from requests_app.rights.fields import corrections_clean


class CorrectionsField(serializers.DictField):
    """Detail name -> correct value; each wrong detail gets its own message under `corrections`."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(allow_blank=True, max_length=300), **kwargs)

    def to_internal_value(self, data):
        clean, errors = corrections_clean(super().to_internal_value(data))
        if errors:
            raise serializers.ValidationError({name: [message] for name, message in errors.items()})
        return clean
