from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def shop_name() -> str:
    """Return the shop's name as the self-service pages show it (PRIVACY_SHOP_NAME)."""
    return settings.PRIVACY_SHOP_NAME
