"""Communication on administrative reform: activities (what an agency did, where, for whom, with what reach)
and the questions and answers (FAQ) citizens read on the portal."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure
from motcua.control.models import Task
from motcua.core.uploads import PolicyValidator
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
    evidence = models.FileField(
        _("minh chứng"),
        upload_to="outreach/%Y/%m/",
        blank=True,
        validators=[PolicyValidator("communication_media")],
    )
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


class FaqTopic(models.Model):
    """A heading of the public Q&A page (tracking, online submission, fees …), shared by every agency."""

    name = models.CharField(_("tên chủ đề"), max_length=150, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chủ đề hỏi đáp")
        verbose_name_plural = _("chủ đề hỏi đáp")
        ordering = ["order", "name"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="outreach_faqtopic_name")]

    def __str__(self) -> str:
        return self.name


class Faq(models.Model):
    """One question and its answer; the agency that answers keeps it, and only published ones are public."""

    topic = models.ForeignKey(
        FaqTopic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="entries"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan trả lời"), on_delete=models.PROTECT, related_name="faqs"
    )
    question = models.CharField(_("câu hỏi"), max_length=500)
    # Plain text: blank lines separate paragraphs and web addresses become links; no markup is stored.
    answer = models.TextField(_("trả lời"), help_text=_("Văn bản thường; để một dòng trống giữa các đoạn."))
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("thủ tục liên quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published = models.BooleanField(_("công khai"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("câu hỏi thường gặp")
        verbose_name_plural = _("câu hỏi thường gặp")
        ordering = ["topic__order", "topic__name", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(question=""), name="outreach_faq_question"),
            models.CheckConstraint(condition=~Q(answer=""), name="outreach_faq_answer"),
        ]

    def __str__(self) -> str:
        return self.question
