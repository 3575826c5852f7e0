from django import template
from django.conf import settings

from requests_app.wording import mid_sentence

register = template.Library()


register.filter("mid_sentence", mid_sentence)


@register.simple_tag
def shop_name() -> str:
    """Return the shop's name as the self-service pages show it (PRIVACY_SHOP_NAME)."""
    return settings.PRIVACY_SHOP_NAME
