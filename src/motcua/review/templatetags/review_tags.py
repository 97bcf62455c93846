"""Amounts as the review forms print them: đồng with dot separators, percentages with a decimal comma."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def dong(value) -> str:
    """478125 → '478.125'."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def decimal_comma(value) -> str:
    """Decimal('71.24') → '71,24'; Decimal('1.50') → '1,5'; None → '—'."""
    if value in (None, ""):
        return "—"
    return f"{Decimal(value).normalize():f}".replace(".", ",")


@register.inclusion_tag("review/_version_origins.html", takes_context=True)
def review_origins(context, version) -> dict:
    """On a catalog procedure page: the approved review options and the controlled draft documents that
    asked for this version. The decisions are public; the link to the review form only for who may see it."""
    from motcua.review.models import DraftProcedure, ProcedureReview
    from motcua.review.selectors import reviews_for

    reviews = list(
        ProcedureReview.objects.filter(catalog_draft=version).select_related("decision", "item__plan")
    )
    drafts = list(DraftProcedure.objects.filter(catalog_draft=version).select_related("draft"))
    user = getattr(context.get("request"), "user", None)
    visible: set[int] = set()
    if reviews and user is not None and user.is_authenticated and not user.is_citizen:
        visible = set(reviews_for(user).filter(pk__in=[r.pk for r in reviews]).values_list("pk", flat=True))
    return {"reviews": reviews, "drafts": drafts, "visible": visible}
