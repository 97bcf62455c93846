"""The navigation link to the work queues, with the number of dossiers waiting (cached briefly per user)."""

from django import template
from django.core.cache import cache

from motcua.dossiers import selectors

register = template.Library()
CACHE_SECONDS = 30


@register.inclusion_tag("dossiers/_nav.html", takes_context=True)
def dossier_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("dossiers.work_queue"):
        return {"show": False}
    key = f"dossiers:nav:{user.pk}"
    counts = cache.get(key)
    if counts is None:
        counts = selectors.queue_counts(user)
        cache.set(key, counts, CACHE_SECONDS)
    waiting = counts["to_check"] + counts["mine"] + counts["ready_to_return"]
    section = getattr(getattr(request, "resolver_match", None), "namespace", "")
    return {"show": True, "waiting": waiting, "overdue": counts["overdue"], "active": section == "dossiers"}
