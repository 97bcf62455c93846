"""Demo data of online submission: online forms for five procedures of the demo catalog, a paper in the
first demo citizen's document store, and results already attached copied into their owners' stores.
Running it again changes nothing."""

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction

from motcua.catalog.models import Procedure
from motcua.core.uploads import PDF
from motcua.dossiers.models import Dossier
from motcua.org.models import User
from motcua.portal import store
from motcua.portal.models import OnlineForm, StoredDocument, StoredKind
from motcua.portal.services import store_name

VALID_FROM = date(2025, 7, 1)
HO_TICH = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP"


def _text(name, label, label_en, required=True, **extra) -> dict:
    return {"name": name, "type": "text", "label": label, "label_en": label_en, "required": required, **extra}


def _choice(value, label, label_en) -> dict:
    return {"value": value, "label": label, "label_en": label_en}


SEX = [_choice("nam", "Nam", "Male"), _choice("nu", "Nữ", "Female")]
PROMISE = {
    "name": "cam_doan",
    "type": "checkbox",
    "label": "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật",
    "label_en": "I declare that the above is true and accept legal responsibility for it",
    "required": True,
}

FORMS = {
    # Đăng ký khai sinh (toàn trình)
    "1.001193": {
        "title": "Tờ khai đăng ký khai sinh trực tuyến",
        "legal_basis": HO_TICH + "; Thông tư 04/2020/TT-BTP (Mẫu TP/HT-2020-KS.1)",
        "note": "Khai theo Giấy chứng sinh. Người đi khai là cha, mẹ hoặc người thân thích của trẻ.",
        "fields": [
            _text("ho_ten_tre", "Họ, chữ đệm, tên của trẻ", "Child's full name", max_length=100),
            {
                "name": "gioi_tinh",
                "type": "select",
                "label": "Giới tính",
                "label_en": "Sex",
                "required": True,
                "choices": SEX,
            },
            {
                "name": "ngay_sinh",
                "type": "date",
                "label": "Ngày, tháng, năm sinh",
                "label_en": "Date of birth",
                "required": True,
                "max": "today",
            },
            _text(
                "noi_sinh",
                "Nơi sinh",
                "Place of birth",
                help="Tên cơ sở y tế, xã/phường, tỉnh/thành phố",
                help_en="Health facility, commune, province",
            ),
            _text("dan_toc", "Dân tộc", "Ethnic group", required=False, max_length=50),
            _text(
                "ho_ten_cha",
                "Họ, chữ đệm, tên người cha",
                "Father's full name",
                required=False,
                max_length=100,
            ),
            _text("ho_ten_me", "Họ, chữ đệm, tên người mẹ", "Mother's full name", max_length=100),
            {
                "name": "quan_he",
                "type": "select",
                "label": "Quan hệ của người đi khai với trẻ",
                "label_en": "Declarant's relationship to the child",
                "required": True,
                "choices": [
                    _choice("cha", "Cha", "Father"),
                    _choice("me", "Mẹ", "Mother"),
                    _choice("ong_ba", "Ông, bà", "Grandparent"),
                    _choice("khac", "Người thân thích khác", "Other relative"),
                ],
            },
            {
                "name": "so_ban_sao",
                "type": "number",
                "label": "Số bản sao Giấy khai sinh đề nghị cấp",
                "label_en": "Number of certified copies requested",
                "required": False,
                "min": 0,
                "max": 10,
            },
            PROMISE,
        ],
    },
    # Đăng ký kết hôn (một phần)
    "1.000894": {
        "title": "Tờ khai đăng ký kết hôn trực tuyến",
        "legal_basis": HO_TICH + "; Thông tư 04/2020/TT-BTP (Mẫu TP/HT-2020-KH.1)",
        "in_person_note": "Hai bên nam, nữ cùng có mặt ký Giấy chứng nhận kết hôn khi nhận kết quả",
        "fields": [
            _text("ho_ten_chong", "Họ, chữ đệm, tên bên nam", "Groom's full name", max_length=100),
            {
                "name": "cccd_chong",
                "type": "id_number",
                "label": "Số định danh cá nhân bên nam",
                "label_en": "Groom's ID number",
                "required": True,
            },
            _text("ho_ten_vo", "Họ, chữ đệm, tên bên nữ", "Bride's full name", max_length=100),
            {
                "name": "cccd_vo",
                "type": "id_number",
                "label": "Số định danh cá nhân bên nữ",
                "label_en": "Bride's ID number",
                "required": True,
            },
            {
                "name": "ngay_nhan",
                "type": "date",
                "label": "Ngày dự kiến nhận Giấy chứng nhận kết hôn",
                "label_en": "Planned day to collect the certificate",
                "required": False,
                "min": "today",
            },
            PROMISE,
        ],
    },
    # Đăng ký khai tử (toàn trình)
    "1.000656": {
        "title": "Tờ khai đăng ký khai tử trực tuyến",
        "legal_basis": HO_TICH + "; Thông tư 04/2020/TT-BTP (Mẫu TP/HT-2020-KT.1)",
        "fields": [
            _text(
                "ho_ten_nguoi_chet",
                "Họ, chữ đệm, tên người đã chết",
                "Full name of the deceased",
                max_length=100,
            ),
            {
                "name": "cccd_nguoi_chet",
                "type": "id_number",
                "label": "Số định danh cá nhân của người đã chết",
                "label_en": "ID number of the deceased",
                "required": False,
            },
            {
                "name": "ngay_chet",
                "type": "date",
                "label": "Ngày chết",
                "label_en": "Date of death",
                "required": True,
                "max": "today",
            },
            _text("noi_chet", "Nơi chết", "Place of death"),
            _text("nguyen_nhan", "Nguyên nhân chết", "Cause of death", required=False),
            _text("quan_he", "Quan hệ với người đã chết", "Relationship to the deceased", max_length=50),
            PROMISE,
        ],
    },
    # Cấp Giấy xác nhận tình trạng hôn nhân (toàn trình)
    "1.004873": {
        "title": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "legal_basis": HO_TICH + "; Thông tư 04/2020/TT-BTP (Mẫu TP/HT-2020-XNTTHN)",
        "fields": [
            {
                "name": "tinh_trang",
                "type": "select",
                "label": "Tình trạng hôn nhân hiện nay",
                "label_en": "Current marital status",
                "required": True,
                "choices": [
                    _choice("chua_ket_hon", "Chưa đăng ký kết hôn với ai", "Never married"),
                    _choice("ly_hon", "Đã ly hôn", "Divorced"),
                    _choice("goa", "Vợ/chồng đã chết", "Widowed"),
                ],
            },
            {
                "name": "muc_dich",
                "type": "textarea",
                "label": "Mục đích sử dụng Giấy xác nhận",
                "label_en": "Purpose of the certificate",
                "required": True,
                "max_length": 500,
            },
            {
                "name": "so_luong",
                "type": "number",
                "label": "Số lượng giấy đề nghị cấp",
                "label_en": "Number of certificates",
                "required": True,
                "min": 1,
                "max": 5,
            },
            PROMISE,
        ],
    },
    # Đăng ký thành lập hộ kinh doanh (toàn trình)
    "2.000720": {
        "title": "Giấy đề nghị đăng ký hộ kinh doanh",
        "legal_basis": "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp",
        "fields": [
            _text("ten_ho_kinh_doanh", "Tên hộ kinh doanh", "Name of the household business", max_length=200),
            _text("dia_diem", "Địa điểm kinh doanh", "Business address", max_length=255),
            {
                "name": "nganh_nghe",
                "type": "textarea",
                "label": "Ngành, nghề kinh doanh",
                "label_en": "Lines of business",
                "required": True,
                "max_length": 1000,
            },
            {
                "name": "von",
                "type": "number",
                "label": "Vốn kinh doanh (đồng)",
                "label_en": "Capital (VND)",
                "required": True,
                "min": 0,
            },
            {
                "name": "so_lao_dong",
                "type": "number",
                "label": "Số lao động dự kiến",
                "label_en": "Expected number of workers",
                "required": False,
                "min": 0,
                "max": 10000,
            },
            {
                "name": "dien_thoai",
                "type": "phone",
                "label": "Điện thoại của hộ kinh doanh",
                "label_en": "Business phone",
                "required": False,
            },
            {
                "name": "email",
                "type": "email",
                "label": "Thư điện tử của hộ kinh doanh",
                "label_en": "Business e-mail",
                "required": False,
            },
            PROMISE,
        ],
    },
}

# A small valid PDF, so that the demo citizen has a paper to reuse from the store.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def load() -> dict[str, int]:
    """Create the demo online forms and store papers; running it again changes nothing."""
    with transaction.atomic():
        for code, spec in FORMS.items():
            procedure = Procedure.objects.filter(national_code=code).first()
            if procedure is None:
                continue
            form = OnlineForm.objects.filter(procedure=procedure, valid_from=VALID_FROM).first()
            if form is None:
                form = OnlineForm(procedure=procedure, valid_from=VALID_FROM, **spec)
                form.full_clean()
                form.save()
        citizen = User.objects.filter(username="congdan1").first()
        if (
            citizen is not None
            and not StoredDocument.objects.filter(owner=citizen, kind=StoredKind.UPLOADED).exists()
        ):
            document = StoredDocument(
                owner=citizen,
                title="Căn cước công dân (bản chụp)",
                content_type="application/pdf",
                size=len(DEMO_PDF),
                kind=StoredKind.UPLOADED,
            )
            document.file.save(store_name(PDF), ContentFile(DEMO_PDF), save=False)
            document.save()
    for dossier in Dossier.objects.filter(applicant_user__account_type="citizen").exclude(result_file=""):
        with transaction.atomic():
            store.collect_result(dossier=dossier)
    return {"online_forms": OnlineForm.objects.count(), "stored_documents": StoredDocument.objects.count()}
