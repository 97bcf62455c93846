"""`{% feedback_channels agency %}`: where to send feedback on administrative regulations, printed wherever
procedures are handled (the procedure sheet posted at the desk, centre pages), as NĐ 20/2008 (amended by
NĐ 92/2017) asks agencies to publicise their channels. Without an agency, or when the agency lists none,
the channels of the province's default feedback desk are shown; the portal's page is always named."""

from django import template

from motcua.org.models import Agency, FeedbackChannel
from motcua.org.selectors import feedback_channels as channels_of

from ..models import FeedbackDesk

register = template.Library()


def channels_for(agency: Agency | None) -> list[FeedbackChannel]:
    own = channels_of(agency)
    if own:
        return own
    desk = FeedbackDesk.objects.filter(is_default=True).values_list("agency_id", flat=True).first()
    if desk is None:
        return []
    return list(FeedbackChannel.objects.filter(agency_id=desk).order_by("position", "pk"))


@register.inclusion_tag("feedback/_channels.html", takes_context=True)
def feedback_channels(context, agency: Agency | None = None) -> dict:
    request = context.get("request")
    page = request.build_absolute_uri("/phan-anh/gui/") if request is not None else "/phan-anh/gui/"
    return {"channels": channels_for(agency), "page": page}
