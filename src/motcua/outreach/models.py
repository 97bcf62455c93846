"""Communication on administrative reform: activities (what an agency did, where, for whom, with what reach)
and the questions and answers (FAQ) citizens read on the portal."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure
from motcua.control.models import Task
from motcua.core.models import LegalParameter
from motcua.core.storage import private_storage
from motcua.core.uploads import PolicyValidator
from motcua.org.models import Agency, Role

from .workflows import ARTICLE, QUESTION, ArticleStatus, QuestionStatus


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
    # Set when the platform recorded the activity itself: a published bulletin article.
    article = models.OneToOneField(
        "Article",
        verbose_name=_("bài viết bản tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity",
    )
    # Set when the platform recorded the activity itself: a training course whose attendance was taken.
    course = models.OneToOneField(
        "TrainingCourse",
        verbose_name=_("lớp tập huấn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity",
    )

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


# ------------------------------------------------------------------------------- citizens' questions


class QuestionStage(models.TextChoices):
    """The stages of a question that run on a working-time clock."""

    ROUTE = "route", _("Chuyển câu hỏi đến cơ quan trả lời")
    ANSWER = "answer", _("Trả lời và duyệt trả lời")
    PUBLISH = "publish", _("Công khai sau khi duyệt")


class QuestionLimit(LegalParameter):
    """The working-day limit of one stage of a question, in force over a period (the province's rules on
    its Q&A column; an administrator adds a row with its date when they change)."""

    stage = models.CharField(_("giai đoạn"), max_length=20, choices=QuestionStage.choices)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("thời hạn trả lời câu hỏi")
        verbose_name_plural = _("thời hạn trả lời câu hỏi")
        ordering = ["stage", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["stage", "valid_from"], name="outreach_qlimit_stage_from_uniq"),
            models.CheckConstraint(condition=Q(working_days__gte=1), name="outreach_qlimit_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.working_days}"


class Question(models.Model):
    """A question on procedures sent from the portal. The asker's name and contacts are personal data: only
    the officers handling it see them, the audit trail never holds them, and what is published is masked."""

    code = models.CharField(_("mã câu hỏi"), max_length=12, unique=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=QuestionStatus.choices)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    asker_name = models.CharField(_("họ tên người hỏi"), max_length=200)
    asker_email = models.EmailField(_("thư điện tử"), blank=True)
    asker_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    asker_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("tiêu đề câu hỏi"), max_length=255)
    body = models.TextField(_("nội dung câu hỏi"), max_length=5000)
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("thủ tục liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    asked_at = models.DateTimeField(_("gửi lúc"), db_index=True)
    due_at = models.DateTimeField(_("hạn của giai đoạn"), null=True, blank=True)
    answer = models.TextField(_("nội dung trả lời"), max_length=10000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_late = models.BooleanField(_("trả lời quá hạn"), default=False)
    note = models.TextField(_("ghi chú xử lý"), blank=True)
    faq = models.OneToOneField(
        Faq,
        verbose_name=_("mục hỏi đáp đã công khai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_question",
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("câu hỏi của người dân")
        verbose_name_plural = _("câu hỏi của người dân")
        ordering = ["-asked_at", "-id"]
        constraints = [
            QUESTION.check_constraint("outreach_question_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="outreach_question_title"),
            models.CheckConstraint(
                condition=~Q(asker_email="") | ~Q(asker_phone=""), name="outreach_question_contact"
            ),
        ]
        indexes = [models.Index(fields=["status", "agency", "due_at"], name="outreach_question_queue_idx")]

    def __str__(self) -> str:
        return self.code


# ------------------------------------------------------------------------------------------- bulletin


class ArticleCategory(models.Model):
    """A column of the e-bulletin (news, Q&A, good models, reform in the communes …)."""

    name = models.CharField(_("tên chuyên mục"), max_length=150, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chuyên mục bản tin")
        verbose_name_plural = _("chuyên mục bản tin")
        ordering = ["order", "name"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="outreach_category_name")]

    def __str__(self) -> str:
        return self.name


class BulletinIssue(models.Model):
    """A numbered issue of the e-bulletin (monthly, quarterly) grouping its articles."""

    number = models.CharField(_("số"), max_length=30, unique=True)
    title = models.CharField(_("tên số"), max_length=255)
    issued_on = models.DateField(_("ngày phát hành"))

    class Meta:
        verbose_name = _("số bản tin")
        verbose_name_plural = _("số bản tin")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"


class Article(models.Model):
    """A news article of the reform e-bulletin. `body` is HTML stored already sanitised (bulletin.clean);
    `status` moves only through workflows.ARTICLE. Publishing records a communication activity."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan đăng"), on_delete=models.PROTECT, related_name="articles"
    )
    category = models.ForeignKey(
        ArticleCategory, verbose_name=_("chuyên mục"), on_delete=models.PROTECT, related_name="articles"
    )
    issue = models.ForeignKey(
        BulletinIssue,
        verbose_name=_("thuộc số"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    summary = models.TextField(_("tóm tắt"), max_length=1000)
    body = models.TextField(_("nội dung"), max_length=200000)
    procedures = models.ManyToManyField(
        Procedure, verbose_name=_("thủ tục liên quan"), blank=True, related_name="+"
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan liên quan"), blank=True, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=ArticleStatus.choices)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tác giả"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    byline = models.CharField(_("bút danh, nguồn"), max_length=150, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("biên tập duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editor_note = models.TextField(_("ý kiến biên tập"), blank=True)
    publish_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("bài viết bản tin")
        verbose_name_plural = _("bài viết bản tin")
        ordering = ["-publish_at", "-id"]
        constraints = [
            ARTICLE.check_constraint("outreach_article_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="outreach_article_title"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]) | Q(publish_at__isnull=False),
                name="outreach_article_publish_at",
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="outreach_article_public_idx")]

    def __str__(self) -> str:
        return self.title


class MediaKind(models.TextChoices):
    IMAGE = "image", _("Ảnh")
    DOCUMENT = "document", _("Tài liệu")


class BulletinMedia(models.Model):
    """An image or document the editors upload for articles: checked by content and size, images resized
    for the web and stripped of their metadata (a phone photo's GPS position). Public once uploaded: it
    is made to be published."""

    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại"), max_length=10, choices=MediaKind.choices)
    file = models.FileField(_("tệp"), storage=private_storage, upload_to="bulletin/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    width = models.PositiveIntegerField(_("rộng (px)"), null=True, blank=True)
    height = models.PositiveIntegerField(_("cao (px)"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh, tài liệu bản tin")
        verbose_name_plural = _("ảnh, tài liệu bản tin")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.name


# ------------------------------------------------------------------------------ reading points


class ReadingPointKind(models.TextChoices):
    POST_OFFICE = "post_office", _("Điểm Bưu điện văn hóa xã")
    LIBRARY = "library", _("Thư viện, tủ sách")
    CULTURAL_HOUSE = "cultural_house", _("Nhà văn hóa")
    OTHER = "other", _("Điểm khác")


class ReadingPoint(models.Model):
    """A place where people read reform material (the commune post office's reading point and others),
    kept by the commune it serves."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("xã, cơ quan quản lý"), on_delete=models.PROTECT, related_name="reading_points"
    )
    kind = models.CharField(_("loại điểm"), max_length=20, choices=ReadingPointKind.choices)
    name = models.CharField(_("tên điểm"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("điểm đọc sách, tài liệu")
        verbose_name_plural = _("điểm đọc sách, tài liệu")
        ordering = ["agency__name", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="outreach_readingpoint_name"),
            models.UniqueConstraint(fields=["agency", "name"], name="outreach_readingpoint_uniq"),
        ]

    def __str__(self) -> str:
        return self.name


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("Tờ rơi, tờ gấp")
    BOOKLET = "booklet", _("Sổ tay, tài liệu hỏi đáp")
    POSTER = "poster", _("Áp phích")
    OTHER = "other", _("Tài liệu khác")


class Distribution(models.Model):
    """Reform material delivered to a reading point: what, how many, when, with a photo as proof."""

    point = models.ForeignKey(
        ReadingPoint, verbose_name=_("điểm nhận"), on_delete=models.PROTECT, related_name="distributions"
    )
    material = models.CharField(_("loại tài liệu"), max_length=20, choices=MaterialKind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=255)
    quantity = models.PositiveIntegerField(_("số lượng"))
    delivered_on = models.DateField(_("ngày cấp phát"), db_index=True)
    proof = models.FileField(
        _("ảnh minh chứng"),
        storage=private_storage,
        upload_to="outreach/readingpoints/%Y/%m/",
        blank=True,
        validators=[PolicyValidator("image")],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("cấp phát tài liệu")
        verbose_name_plural = _("cấp phát tài liệu")
        ordering = ["-delivered_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="outreach_distribution_quantity"),
            models.CheckConstraint(condition=~Q(title=""), name="outreach_distribution_title"),
        ]

    def __str__(self) -> str:
        return f"{self.delivered_on:%d/%m/%Y} {self.point}: {self.title}"


# ------------------------------------------------------------------------------------------- training


class CourseMode(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    BLENDED = "blended", _("Trực tiếp kết hợp trực tuyến")


class TrainingCourse(models.Model):
    """A training course on administrative reform (the one-stop mechanism, TTHC control, online public
    services …) organised by an agency for officials of the province and guests."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT, related_name="training_courses"
    )
    topic = models.CharField(_("chủ đề, nội dung"), max_length=255)
    audience = models.CharField(_("đối tượng"), max_length=255, blank=True)
    trainer = models.CharField(_("báo cáo viên, giảng viên"), max_length=200, blank=True)
    starts_on = models.DateField(_("từ ngày"), db_index=True)
    ends_on = models.DateField(_("đến ngày"), db_index=True)
    mode = models.CharField(_("hình thức"), max_length=20, choices=CourseMode.choices)
    place = models.CharField(_("địa điểm hoặc đường dẫn trực tuyến"), max_length=255, blank=True)
    materials = models.FileField(
        _("tài liệu"),
        storage=private_storage,
        upload_to="outreach/training/%Y/%m/",
        blank=True,
        validators=[PolicyValidator("plan_attachment")],
    )
    materials_link = models.URLField(_("đường dẫn tài liệu"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    certificates_issued = models.PositiveIntegerField(default=0, editable=False)  # numbers the certificates

    class Meta:
        verbose_name = _("lớp tập huấn")
        verbose_name_plural = _("lớp tập huấn")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(topic=""), name="outreach_course_topic"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="outreach_course_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y} {self.topic}"


class Attendance(models.Model):
    """One attendee of a course: an official taken from the organisation's users with the role and agency
    they held, or a guest by name. `attended` is unknown (None) until the organiser records it."""

    course = models.ForeignKey(
        TrainingCourse, verbose_name=_("lớp tập huấn"), on_delete=models.CASCADE, related_name="attendees"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ, công chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices, blank=True)
    guest_name = models.CharField(_("họ tên khách mời"), max_length=150, blank=True)
    guest_organisation = models.CharField(_("đơn vị của khách mời"), max_length=255, blank=True)
    attended = models.BooleanField(_("có mặt"), null=True, blank=True)
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=40, blank=True)
    certificate_issued_at = models.DateTimeField(_("cấp giấy chứng nhận lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("học viên")
        verbose_name_plural = _("học viên")
        ordering = ["course", "agency__name", "guest_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"], condition=Q(user__isnull=False), name="outreach_attendance_uniq"
            ),
            models.UniqueConstraint(
                fields=["certificate_number"],
                condition=~Q(certificate_number=""),
                name="outreach_certificate_number_uniq",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_name=""), name="outreach_attendance_who"
            ),
            models.CheckConstraint(
                condition=Q(certificate_number="") | Q(attended=True), name="outreach_certificate_attended"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return str(self.user) if self.user_id else self.guest_name

    @property
    def unit(self) -> str:
        return self.agency.name if self.agency_id else self.guest_organisation
