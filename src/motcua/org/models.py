"""The organisation tree: administrative units (levels as data), agencies, staff and their roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.models import OptionalPeriod

from .codes import validate_agency_code


class AdministrativeLevel(models.Model):
    """Province, district, commune … as rows: the two-level model since 1/7/2025 drops districts."""

    code = models.SlugField(_("mã cấp"), max_length=20, unique=True)
    name = models.CharField(_("tên cấp"), max_length=100)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), help_text=_("1 = cao nhất (tỉnh)"))

    class Meta:
        verbose_name = _("cấp hành chính")
        verbose_name_plural = _("cấp hành chính")
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name


class AdministrativeUnit(OptionalPeriod):
    """A province, district, commune or ward, valid over a period; merges and renames link to a successor."""

    code = models.CharField(
        _("mã đơn vị hành chính"), max_length=10, help_text=_("Mã theo danh mục thống kê")
    )
    name = models.CharField(_("tên"), max_length=150)
    level = models.ForeignKey(AdministrativeLevel, verbose_name=_("cấp"), on_delete=models.PROTECT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # An empty start is meaningful (a unit whose creation predates the register): the period is optional.
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("Đơn vị sau sáp nhập hoặc đổi tên"),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)

    class Meta(OptionalPeriod.Meta):
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level__rank", "code"]
        constraints = [
            *OptionalPeriod.Meta.constraints,
            # A code may be reused after a unit ends, but never by two units valid at once.
            models.UniqueConstraint(fields=["code", "valid_from"], name="org_unit_code_valid_from_uniq"),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    OFFICE = "office", _("Văn phòng UBND")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DIVISION = "division", _("Phòng chuyên môn")
    PROVINCIAL_SERVICE_CENTRE = "provincial_service_centre", _("Trung tâm Phục vụ hành chính công tỉnh")
    COMMUNE_SERVICE_CENTRE = "commune_service_centre", _("Trung tâm Phục vụ hành chính công xã")
    VERTICAL_SECTOR = "vertical_sector", _("Cơ quan ngành dọc")
    OTHER = "other", _("Khác")


SERVICE_CENTRE_KINDS = (AgencyKind.PROVINCIAL_SERVICE_CENTRE, AgencyKind.COMMUNE_SERVICE_CENTRE)


class Agency(OptionalPeriod):
    code = models.CharField(
        _("mã định danh điện tử"),
        max_length=20,
        unique=True,
        validators=[validate_agency_code],
        help_text=_("Theo QĐ 20/2020/QĐ-TTg, ví dụ 000.00.00.H41"),
    )
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=80, blank=True)
    kind = models.CharField(_("loại cơ quan"), max_length=40, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    administrative_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị hành chính"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    office_hours_note = models.CharField(_("giờ làm việc"), max_length=255, blank=True)
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("Cơ quan tiếp nhận nhiệm vụ khi sáp nhập, đổi mã"),
    )

    class Meta(OptionalPeriod.Meta):
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["code"]
        constraints = [*OptionalPeriod.Meta.constraints]

    def __str__(self) -> str:
        return self.name

    @property
    def is_service_centre(self) -> bool:
        return self.kind in SERVICE_CENTRE_KINDS


class AccountType(models.TextChoices):
    STAFF = "staff", _("Cán bộ, công chức")
    CITIZEN = "citizen", _("Công dân, tổ chức")


class User(AbstractUser):
    """One login table; staff and citizens are told apart by `account_type` and never share roles.

    A Vietnamese name is one field, written as people write it ("Đỗ Thị Mai": family name, middle names,
    given name). Django's first/last pair is removed so that nothing can print it in the Western order."""

    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    account_type = models.CharField(
        _("loại tài khoản"), max_length=10, choices=AccountType.choices, default=AccountType.STAFF
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    @property
    def is_citizen(self) -> bool:
        return self.account_type == AccountType.CITIZEN

    def get_full_name(self) -> str:
        return self.full_name.strip()

    def get_short_name(self) -> str:
        """The given name (the last word), as Vietnamese address people: "chị Mai"."""
        return self.full_name.strip().rpartition(" ")[2]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    ONE_STOP_OFFICER = "one_stop_officer", _("Công chức Bộ phận Một cửa")
    SPECIALIST = "specialist", _("Chuyên viên")
    DIVISION_HEAD = "division_head", _("Lãnh đạo phòng")
    AGENCY_LEADER = "agency_leader", _("Lãnh đạo cơ quan")
    CONTROL_OFFICER = "control_officer", _("Công chức kiểm soát TTHC")
    COMMUNICATION_OFFICER = "communication_officer", _("Cán bộ tuyên truyền CCHC")
    ADMINISTRATOR = "administrator", _("Quản trị")


class RoleAssignment(models.Model):
    """A staff member holds a role at an agency, over a period."""

    user = models.ForeignKey(
        User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="roles"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="roles"
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("phân công vai trò")
        verbose_name_plural = _("phân công vai trò")
        ordering = ["user", "agency", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="org_role_user_agency_role_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"


class FeedbackChannelKind(models.TextChoices):
    PORTAL = "portal", _("Trang phản ánh, kiến nghị")
    HOTLINE = "hotline", _("Đường dây nóng")
    EMAIL = "email", _("Thư điện tử")
    ADDRESS = "address", _("Địa chỉ tiếp nhận")


class FeedbackChannel(models.Model):
    """Where an agency receives feedback on administrative regulations (PAKN): printed on the service
    centre page and the procedure sheet, so every place that handles procedures promotes them."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="feedback_channels"
    )
    kind = models.CharField(_("kênh"), max_length=10, choices=FeedbackChannelKind.choices)
    value = models.CharField(
        _("nội dung"), max_length=255, help_text=_("Số điện thoại, địa chỉ, đường dẫn …")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("kênh tiếp nhận phản ánh")
        verbose_name_plural = _("kênh tiếp nhận phản ánh")
        ordering = ["agency", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"
