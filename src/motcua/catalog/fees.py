"""The fee a dossier owes, chosen at reception from the procedure's fee table.

Without a choice the dossier owes its channel's fee (`VersionChannel.fee`, the default case), as before fee
tables existed. The reception officer may pick a row of the version's table instead (a case, an area, a
number of pages or copies, a percentage of a declared value, an exemption); `fee_due` turns that row into
an amount in đồng. Rounding of a percentage is to the đồng, half up, capped by the row's maximum.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import FeeBasis, FeeItem, VersionChannel

COUNTED_BASES = (FeeBasis.PAGE, FeeBasis.COPY, FeeBasis.UNIT)


def fee_choices(channel: VersionChannel) -> list[FeeItem]:
    """The rows of the table that apply on this channel (rows for every channel included)."""
    return [
        item
        for item in channel.version.fee_items.order_by("position")
        if item.channel in ("", channel.channel)
    ]


def fee_due(
    channel: VersionChannel,
    item: FeeItem | None = None,
    *,
    quantity: int = 1,
    declared_value: int | None = None,
) -> int:
    """Đồng owed: the channel's default fee, or what the chosen row gives for this quantity or value."""
    if item is None:
        return channel.fee
    if item.version_id != channel.version_id or item.channel not in ("", channel.channel):
        raise ValidationError(
            _("Mức phí đã chọn không thuộc thủ tục, cách thức này. / The chosen fee is not of this channel.")
        )
    if item.exempt:
        return 0
    if item.basis == FeeBasis.PERCENT:
        if declared_value is None or declared_value < 0:
            raise ValidationError(
                {
                    "declared_value": _(
                        "Cần giá trị tính phí theo tỷ lệ. / A value is needed for a percentage fee."
                    )
                }
            )
        assert item.rate is not None  # the model's constraint
        amount = int((Decimal(declared_value) * item.rate / 100).quantize(Decimal(1), ROUND_HALF_UP))
        return min(amount, item.maximum) if item.maximum is not None else amount
    if quantity < 1 or (quantity != 1 and item.basis not in COUNTED_BASES):
        raise ValidationError(
            {"quantity": _("Số lượng tính phí không hợp lệ. / Invalid quantity for this fee.")}
        )
    assert item.amount is not None
    amount = item.amount * quantity
    return min(amount, item.maximum) if item.maximum is not None else amount
