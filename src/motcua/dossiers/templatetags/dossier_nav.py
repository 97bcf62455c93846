"""The navigation link to the work queues, with the number of dossiers waiting (at most 30 s old)."""

from django import template

from motcua.dossiers import selectors

register = template.Library()


@register.inclusion_tag("dossiers/_nav.html", takes_context=True)
def dossier_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("dossiers.work_queue"):
        return {"show": False}
    counts = selectors.recent_queue_counts(user)
    waiting = counts["to_check"] + counts["mine"] + counts["ready_to_return"]
    section = getattr(getattr(request, "resolver_match", None), "namespace", "")
    return {"show": True, "waiting": waiting, "overdue": counts["overdue"], "active": section == "dossiers"}
