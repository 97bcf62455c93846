"""Citizen and business accounts: the profile the portal prefills from, identity links, verification codes.

The login itself is `org.User` (account_type citizen); its `phone` and `email` are the verified contacts a
citizen logs in with, so the profile reads them from there instead of keeping a second copy.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.integrations.models import Channel
from motcua.org.models import AdministrativeUnit

from .validators import validate_id_number, validate_tax_code


class AccountKind(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    BUSINESS = "business", _("Doanh nghiệp, tổ chức")


class CitizenProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="citizen_profile",
    )
    kind = models.CharField(
        _("loại tài khoản"), max_length=10, choices=AccountKind.choices, default=AccountKind.CITIZEN
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    id_number = models.CharField(
        _("số CCCD"), max_length=12, blank=True, validators=[validate_id_number], db_index=True
    )
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    business_name = models.CharField(_("tên doanh nghiệp, tổ chức"), max_length=255, blank=True)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, blank=True, validators=[validate_tax_code])
    address = models.CharField(_("địa chỉ (số nhà, đường, thôn, tổ)"), max_length=255, blank=True)
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commune = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("xã, phường, đặc khu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_at = models.DateTimeField(
        _("xác minh liên hệ lúc"), null=True, blank=True, help_text=_("Trống khi chưa nhập mã xác minh")
    )
    identity_verified = models.BooleanField(
        _("đã định danh điện tử"),
        default=False,
        help_text=_("Đăng nhập qua VNeID hoặc nhà cung cấp định danh điện tử"),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ công dân, doanh nghiệp")
        verbose_name_plural = _("hồ sơ công dân, doanh nghiệp")
        ordering = ["full_name", "pk"]
        constraints = [
            # Self-declared numbers may collide (a typo, a squatter); a number an identity provider vouched
            # for belongs to one account only.
            models.UniqueConstraint(
                fields=["id_number"],
                condition=Q(identity_verified=True) & ~Q(id_number=""),
                name="accounts_verified_id_number_uniq",
            ),
        ]

    def __str__(self) -> str:
        return self.business_name or self.full_name

    @property
    def phone(self) -> str:
        return self.user.phone

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def is_business(self) -> bool:
        return self.kind == AccountKind.BUSINESS


class IdentityLink(models.Model):
    """An account at an identity provider (VNeID …): `subject` is the provider's stable `sub` claim."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="identity_links",
    )
    provider = models.CharField(_("nhà cung cấp định danh"), max_length=40)
    subject = models.CharField(_("mã định danh tại nhà cung cấp"), max_length=255)
    created_at = models.DateTimeField(_("liên kết lúc"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("đăng nhập gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("liên kết định danh điện tử")
        verbose_name_plural = _("liên kết định danh điện tử")
        ordering = ["provider", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="accounts_identity_subject_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.user}"


class Purpose(models.TextChoices):
    REGISTER = "register", _("Đăng ký tài khoản")
    PASSWORD_RESET = "password_reset", _("Lấy lại mật khẩu")
    CONTACT_CHANGE = "contact_change", _("Đổi số điện thoại, thư điện tử")


class VerificationCode(models.Model):
    """A one-time code sent to a phone or an address; only its keyed hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="verification_codes",
    )
    purpose = models.CharField(_("mục đích"), max_length=20, choices=Purpose.choices)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    destination = models.CharField(_("gửi tới"), max_length=254)
    code_hash = models.CharField(_("mã băm"), max_length=128)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    attempts = models.PositiveSmallIntegerField(_("số lần nhập"), default=0)
    used_at = models.DateTimeField(_("dùng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã xác minh")
        verbose_name_plural = _("mã xác minh")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "purpose", "created_at"], name="accounts_code_user_idx")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.user_id}"
