"""The fee a dossier owes, chosen at reception from the procedure's fee table.

Without a choice the dossier owes its channel's fee (`VersionChannel.fee`, the default case), as before fee
tables existed. The reception officer may pick a row of the version's table instead (a case, an area, a
number of pages or copies, a percentage of a declared value, an exemption); `fee_due` turns that row into
an amount in đồng. Rounding of a percentage is to the đồng, half up, capped by the row's maximum.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils import translation
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


@dataclass(frozen=True)
class FeeChoice:
    """A row of the table picked at reception, with what it is counted on."""

    item: FeeItem
    quantity: int = 1
    declared_value: int | None = None


@dataclass(frozen=True)
class FeeLine:
    """A chosen row and what it came to: the wording is kept as printed on the receipt."""

    item: FeeItem
    quantity: int
    declared_value: int | None
    amount: int
    wording: str


def money(amount: int) -> str:
    return _("%(amount)s đồng") % {"amount": f"{amount:,}".replace(",", ".")}


def item_wording(item: FeeItem) -> str:
    """'Lệ phí, trường hợp cấp lại (tại xã): 50.000 đồng mỗi trang' — what the row says, in one line."""
    head = ", ".join(str(part) for part in (item.get_kind_display(), item.condition) if part)
    if item.area:
        head += f" ({item.area})"
    if item.exempt:
        return f"{head}: " + _("miễn")
    if item.basis == FeeBasis.PERCENT:
        assert item.rate is not None
        rate = f"{item.rate.normalize():f}".replace(".", ",")
        body = _("%(rate)s%% giá trị") % {"rate": rate}
    else:
        assert item.amount is not None
        body = f"{money(item.amount)} {item.get_basis_display()}"
    if item.maximum is not None:
        body += _(", tối đa %(maximum)s") % {"maximum": money(item.maximum)}
    return f"{head}: {body}"


def fee_lines(channel: VersionChannel, choices: Sequence[FeeChoice]) -> list[FeeLine]:
    """What each chosen row comes to on this channel; a row chosen twice or of another channel is refused."""
    seen = [choice.item.pk for choice in choices]
    if len(seen) != len(set(seen)):
        raise ValidationError({"fees": _("Một mức phí được chọn hai lần. / A fee row is chosen twice.")})
    lines = []
    for choice in choices:
        amount = fee_due(channel, choice.item, quantity=choice.quantity, declared_value=choice.declared_value)
        with translation.override("vi"):  # kept as the receipt prints it, in Vietnamese
            wording = item_wording(choice.item)
            if choice.quantity != 1:
                wording += f" × {choice.quantity}"
            if choice.declared_value is not None and choice.item.basis == FeeBasis.PERCENT:
                wording += _(" trên %(value)s") % {"value": money(choice.declared_value)}
        lines.append(FeeLine(choice.item, choice.quantity, choice.declared_value, amount, wording))
    return lines
