"""`{% size_check "dossier_document" %}` inside a hand-written file input: the browser refuses a file over
the policy's limit before the upload starts, with the server's own message (core.uploads.size_check_attrs)."""

from django import template
from django.utils.html import format_html_join

from motcua.core.uploads import POLICIES, size_check_attrs

register = template.Library()


@register.simple_tag
def size_check(policy: str) -> str:
    return format_html_join("", ' {}="{}"', size_check_attrs(POLICIES[policy]).items())
