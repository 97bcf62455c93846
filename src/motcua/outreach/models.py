"""Communication activities on administrative reform: what an agency did, where, for whom, with what reach."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.control.models import Task
from motcua.org.models import Agency


class ActivityKind(models.TextChoices):
    RADIO = "radio", _("Chương trình phát thanh")
    TV = "tv", _("Chương trình truyền hình")
    PRESS_ARTICLE = "press_article", _("Bài báo")
    PORTAL_ARTICLE = "portal_article", _("Bài trên cổng, trang thông tin điện tử")
    LEAFLET = "leaflet", _("Tờ rơi, tờ gấp")
    POSTER = "poster", _("Pano, áp phích, khẩu hiệu")
    VIDEO = "video", _("Video, phóng sự")
    CONFERENCE = "conference", _("Hội nghị, tọa đàm")
    TRAINING = "training", _("Tập huấn, bồi dưỡng")
    SOCIAL_POST = "social_post", _("Bài đăng mạng xã hội")
    ZALO_MESSAGE = "zalo_message", _("Tin nhắn Zalo")


class CommunicationActivity(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="activities"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("nội dung, tiêu đề"), max_length=255)
    held_on = models.DateField(_("ngày thực hiện"), db_index=True)
    channel = models.CharField(_("kênh, nơi đăng"), max_length=150, blank=True)
    audience = models.CharField(_("đối tượng"), max_length=150, blank=True)
    reach = models.PositiveIntegerField(_("số người, lượt tiếp cận"), default=0)
    evidence = models.FileField(_("minh chứng"), upload_to="outreach/%Y/%m/", blank=True)
    evidence_link = models.URLField(_("đường dẫn minh chứng"), blank=True)
    task = models.ForeignKey(
        Task,
        verbose_name=_("thuộc nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="outreach_activity_title"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} {self.get_kind_display()}: {self.title}"
