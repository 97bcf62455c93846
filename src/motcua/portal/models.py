"""Online submission: procedure forms as data, drafts with their files, the submitted answers, and the
citizen's document store (kho dữ liệu)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core.models import LegalParameter
from motcua.core.storage import private_storage
from motcua.dossiers.models import Dossier

from .fields import validate_spec

FIELDS_HELP = _(
    "Mảng JSON, mỗi trường một đối tượng: name, type (text, textarea, date, number, select, checkbox, "
    "email, phone, id_number), label, label_en, help, required, choices (cho select), min, max (cho date "
    "— YYYY-MM-DD hoặc “today” — và number), max_length, pattern."
)


class OnlineForm(LegalParameter):
    """The procedure's own fields on the online submission form, valid over a period: a form template,
    so it cites the text that prescribes it (the declaration form of a circular …)."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="online_forms"
    )
    title = models.CharField(_("tên biểu mẫu"), max_length=255, blank=True)
    note = models.TextField(_("hướng dẫn"), blank=True)
    # A partial online service names the step done in person; it is shown before the citizen starts.
    in_person_note = models.CharField(
        _("bước phải đến trực tiếp"),
        max_length=255,
        blank=True,
        help_text=_("Với dịch vụ một phần, ví dụ “Nộp bản chính khi nhận kết quả”"),
    )
    fields = models.JSONField(
        _("các trường"), default=list, validators=[validate_spec], help_text=FIELDS_HELP
    )
    # Matched by the form's name (not a row), so a new version of the procedure keeps it (issue 17).
    declares = models.CharField(
        _("thay cho mẫu tờ khai"),
        max_length=255,
        blank=True,
        help_text=_(
            "Mẫu đơn, tờ khai của thành phần hồ sơ mà biểu mẫu này thay thế, đúng như ghi trong thủ tục "
            "(ví dụ “Mẫu TP/HT-2020-KS.1”): người nộp trực tuyến không phải tải tờ khai đó lên."
        ),
    )
    history = HistoricalRecords()

    class Meta(LegalParameter.Meta):
        verbose_name = _("biểu mẫu trực tuyến")
        verbose_name_plural = _("biểu mẫu trực tuyến")
        ordering = ["procedure", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["procedure", "valid_from"], name="portal_form_once_per_start"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.procedure.name} ({self.valid_from:%d/%m/%Y})"


class Draft(models.Model):
    """A submission in progress: the answers so far and the step reached; it survives logout."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_drafts"
    )
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="+"
    )
    # {"applicant": {...}, "fields": {...}} as typed (strings), validated again on submission.
    answers = models.JSONField(default=dict, blank=True)
    step = models.PositiveSmallIntegerField(_("bước đã đến"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ nháp")
        verbose_name_plural = _("hồ sơ nháp")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(step__gte=1) & Q(step__lte=4), name="portal_draft_step_range"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.name} ({self.updated_at:%d/%m/%Y %H:%M})"


class StoredKind(models.TextChoices):
    UPLOADED = "uploaded", _("Tự tải lên")
    DOSSIER_DOCUMENT = "dossier_document", _("Giấy tờ đã nộp trong hồ sơ")
    RESULT = "result", _("Kết quả giải quyết")
    CERTIFIED_COPY = "certified_copy", _("Bản sao điện tử được chứng thực")


class StoredDocument(models.Model):
    """A paper in the citizen's data store: uploaded, handed in with a dossier, or a dossier's result."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stored_documents"
    )
    title = models.CharField(_("tên giấy tờ"), max_length=255)
    file = models.FileField(_("tệp"), storage=private_storage, upload_to="portal/store/%Y/%m/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveBigIntegerField(default=0)
    kind = models.CharField(
        _("nguồn"), max_length=20, choices=StoredKind.choices, default=StoredKind.UPLOADED
    )
    source_dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("từ hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_copy = models.ForeignKey(
        "dossiers.CertifiedCopy",
        verbose_name=_("bản sao chứng thực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lưu lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("giấy tờ trong kho dữ liệu")
        verbose_name_plural = _("kho dữ liệu công dân")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A dossier's result enters the store once.
            models.UniqueConstraint(
                fields=["source_dossier"], condition=Q(kind="result"), name="portal_store_one_result"
            ),
            # A certified copy enters its holder's store once.
            models.UniqueConstraint(
                fields=["source_copy"], condition=Q(kind="certified_copy"), name="portal_store_one_copy"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DraftFile(models.Model):
    """A file for one required document of a draft: uploaded, or picked from the store (reuse)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="files")
    required_document = models.ForeignKey(RequiredDocument, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(storage=private_storage, upload_to="portal/drafts/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=40, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    stored = models.ForeignKey(
        StoredDocument, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["draft", "required_document", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(stored__isnull=True) & ~Q(file="")) | (Q(stored__isnull=False) & Q(file="")),
                name="portal_draft_file_xor_stored",
            ),
        ]

    def __str__(self) -> str:
        return self.stored.title if self.stored_id else self.original_name

    @property
    def reused(self) -> bool:
        return self.stored_id is not None


class Submission(models.Model):
    """What the citizen answered online, kept beside the dossier with the field list they answered."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="online_submission")
    online_form = models.ForeignKey(
        OnlineForm, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    # The fields as they were when answered: the form may be edited later, the answers keep their labels.
    form_fields = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nội dung khai trực tuyến")
        verbose_name_plural = _("nội dung khai trực tuyến")

    def __str__(self) -> str:
        return str(self.dossier)
