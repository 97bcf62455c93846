"""The single sign-on button, shown only when an identity provider is configured."""

from django import template

from motcua.integrations import identity

register = template.Library()


@register.inclusion_tag("accounts/_sso_button.html")
def sso_button(next_url: str = ""):
    return {"enabled": identity.enabled(), "next": next_url}
