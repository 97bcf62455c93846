"""The legal forms as first installed (data migration 0002 and the demo): TT 03/2025 from 1/7/2025 and
TT 01/2018 before. Administrators edit them in the admin; a new legal text is a new row with its dates.

Bodies use the Django template language with the context built by `documents.form_context`.
"""

from datetime import date

TT03 = "Thông tư 03/2025/TT-VPCP"
TT01 = "Thông tư 01/2018/TT-VPCP"
SWITCH = date(2025, 7, 1)

HEADER = """<table class="head"><tr><td>{{ issuer_parent|upper }}<br><b>{{ issuer|upper }}</b></td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr></table>
<p class="number">{{ form_number }}</p>"""

RECEIPT = (
    HEADER
    + """
<h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
<p class="center">Mã hồ sơ: <b>{{ d.code }}</b></p>
<p>{{ issuer }} tiếp nhận hồ sơ của: <b>{{ d.applicant_name }}</b></p>
<p>Số định danh cá nhân: {{ d.applicant_id_number }} — Điện thoại: {{ d.applicant_phone }}{% if d.applicant_email %} — Thư điện tử: {{ d.applicant_email }}{% endif %}</p>
<p>Địa chỉ: {{ d.applicant_address }}{% if d.applicant_commune %}, {{ d.applicant_commune.name }}{% endif %}</p>
<p>Nội dung yêu cầu giải quyết: {{ d.procedure_version.name }}</p>
<p>Thành phần hồ sơ nộp gồm:</p>
<table class="grid"><tr><th scope="col">TT</th><th scope="col">Tên giấy tờ</th><th scope="col">Bản chính</th><th scope="col">Bản sao</th></tr>
{% for doc in documents %}<tr><td>{{ forloop.counter }}</td><td>{{ doc.name }}</td><td>{{ doc.originals }}</td><td>{{ doc.copies }}</td></tr>{% endfor %}</table>
<p>Số lượng hồ sơ: 01 bộ. Thời gian giải quyết theo quy định: {{ limit }}.</p>
<p>Thời gian nhận hồ sơ: {{ received_at }}</p>
<p>Thời gian trả kết quả giải quyết hồ sơ: <b>{{ due_at }}</b></p>
<p>Đăng ký nhận kết quả tại: {% if d.result_by_post %}qua dịch vụ bưu chính{% else %}{{ d.receiving_agency.name }}{% endif %}</p>
<div class="qr">{{ qr|safe }}<br>Tra cứu: {{ tracking_url }}</div>
<table class="sign"><tr><td><b>NGƯỜI NỘP HỒ SƠ</b><br><i>(Ký và ghi rõ họ tên)</i><br><br><br>{{ d.applicant_name }}</td>
<td><b>NGƯỜI TIẾP NHẬN HỒ SƠ</b><br><i>(Ký và ghi rõ họ tên)</i><br><br><br>{{ officer }}</td></tr></table>
"""
)

SUPPLEMENT = (
    HEADER
    + """
<h1>PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ</h1>
<p class="center">Hồ sơ số: <b>{{ d.code }}</b></p>
<p>Kính gửi: {{ d.applicant_name }}</p>
<p>{{ issuer }} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục: {{ d.procedure_version.name }}.</p>
<p>Sau khi xem xét, hồ sơ đề nghị bổ sung, hoàn thiện các nội dung sau:</p>
<p class="box">{{ missing }}</p>
<p>Lý do: theo quy định tại thủ tục hành chính đã được công bố.</p>
<p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ {{ issuer }} để được hướng dẫn.</p>
<table class="sign"><tr><td></td><td>{{ place_date }}<br><b>NGƯỜI HƯỚNG DẪN</b><br><br><br>{{ officer }}</td></tr></table>
"""
)

REFUSAL = (
    HEADER
    + """
<h1>PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ</h1>
<p class="center">Hồ sơ số: <b>{{ d.code }}</b></p>
<p>Kính gửi: {{ d.applicant_name }}</p>
<p>{{ issuer }} nhận được hồ sơ đề nghị giải quyết thủ tục: {{ d.procedure_version.name }}.</p>
<p>Qua nghiên cứu, xem xét, {{ issuer }} từ chối tiếp nhận, giải quyết hồ sơ với lý do:</p>
<p class="box">{{ reason }}</p>
<p>Xin thông báo để ông/bà được biết và thực hiện.</p>
<table class="sign"><tr><td></td><td>{{ place_date }}<br><b>NGƯỜI KÝ</b><br><br><br>{{ officer }}</td></tr></table>
"""
)

APOLOGY = (
    HEADER
    + """
<h1>{{ title|upper }}</h1>
<p class="center">Hồ sơ số: <b>{{ d.code }}</b></p>
<p>Kính gửi: {{ d.applicant_name }}</p>
<p>Ngày {{ received_date }}, {{ d.receiving_agency.name }} tiếp nhận hồ sơ đề nghị giải quyết thủ tục {{ d.procedure_version.name }}; thời hạn trả kết quả ghi trên Giấy tiếp nhận là {{ old_due }}.</p>
<p>Tuy nhiên, đến nay hồ sơ chưa giải quyết xong. Lý do:</p>
<p class="box">{{ reason }}</p>
<p>Sự chậm trễ này đã gây phiền hà cho ông/bà. {{ issuer }} xin lỗi ông/bà và sẽ trả kết quả vào ngày <b>{{ due_at }}</b>.</p>
<p>Xin trân trọng cảm ơn.</p>
<table class="sign"><tr><td></td><td>{{ place_date }}<br><b>THỦ TRƯỞNG CƠ QUAN</b><br><br><br>{{ officer }}</td></tr></table>
"""
)

STOP = (
    HEADER
    + """
<h1>THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ</h1>
<p class="center">Hồ sơ số: <b>{{ d.code }}</b></p>
<p>Kính gửi: {{ d.applicant_name }}</p>
<p>{{ issuer }} thông báo dừng giải quyết hồ sơ đề nghị thực hiện thủ tục {{ d.procedure_version.name }}, tiếp nhận ngày {{ received_date }}.</p>
<p>Lý do dừng giải quyết:</p><p class="box">{{ reason }}</p>
<table class="sign"><tr><td></td><td>{{ place_date }}<br><b>THỦ TRƯỞNG CƠ QUAN</b><br><br><br>{{ officer }}</td></tr></table>
"""
)

CONTROL_SHEET = (
    HEADER
    + """
<h1>PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ</h1>
<p>Mã hồ sơ: <b>{{ d.code }}</b> — Thủ tục: {{ d.procedure_version.name }}</p>
<p>Cơ quan, đơn vị chủ trì giải quyết: {{ d.competent_agency.name }}</p>
<table class="grid"><tr><th scope="col">Tên cơ quan, đơn vị</th><th scope="col">Thời gian giao, nhận hồ sơ</th>
<th scope="col">Người giao</th><th scope="col">Người nhận / nơi nhận</th><th scope="col">Kết quả giải quyết (trước, đúng, quá hạn)</th><th scope="col">Ghi chú</th></tr>
{% for row in handovers %}<tr><td>{{ row.from_agency }}</td><td>{{ row.at }}</td><td>{{ row.actor }}</td><td>{{ row.to_agency }}</td><td>{{ row.timeliness }}</td><td>{{ row.note }}</td></tr>{% endfor %}
</table>
"""
)

REGISTER = (
    HEADER
    + """
<h1>SỔ THEO DÕI HỒ SƠ</h1>
<p class="center">Từ ngày {{ start }} đến ngày {{ end }}</p>
<table class="grid"><tr><th scope="col">TT</th><th scope="col">Mã hồ sơ</th><th scope="col">Tên TTHC</th><th scope="col">Tên cá nhân, tổ chức</th>
<th scope="col">Địa chỉ, số điện thoại</th><th scope="col">Cơ quan chủ trì giải quyết</th><th scope="col">Ngày nhận</th><th scope="col">Hẹn trả</th><th scope="col">Ngày có kết quả</th><th scope="col">Ngày trả</th><th scope="col">Ghi chú</th></tr>
{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}
</table>
"""
)

# kind, TT 03/2025 number, TT 01/2018 number (None: the form did not exist), title, body
FORMS = [
    ("receipt", "01", "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", RECEIPT),
    ("supplement", "02", "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", SUPPLEMENT),
    ("refusal", "03", "03", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ", REFUSAL),
    ("apology", "04", "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", APOLOGY),
    ("stop", "05", None, "Thông báo về việc dừng giải quyết hồ sơ", STOP),
    ("control_sheet", "06", "05", "Phiếu kiểm soát quá trình giải quyết hồ sơ", CONTROL_SHEET),
    ("register", "07", "06", "Sổ theo dõi hồ sơ", REGISTER),
]


def rows() -> list[dict]:
    found = []
    for kind, new_number, old_number, title, body in FORMS:
        found.append(
            {
                "code": f"TT03-2025-{new_number}",
                "kind": kind,
                "number": f"Mẫu số {new_number}",
                "title": title,
                "valid_from": SWITCH,
                "valid_to": None,
                "legal_basis": TT03,
                "body": body,
            }
        )
        if old_number:
            found.append(
                {
                    "code": f"TT01-2018-{old_number}",
                    "kind": kind,
                    "number": f"Mẫu số {old_number}",
                    "title": title,
                    "valid_from": date(2018, 8, 21),
                    "valid_to": date(2025, 6, 30),
                    "legal_basis": TT01,
                    "body": body,
                }
            )
    return found


def install(model) -> int:
    """Create the rows that are missing (by code); existing ones, perhaps edited, are left alone."""
    created = 0
    for row in rows():
        _obj, made = model.objects.get_or_create(code=row["code"], defaults=row)
        created += made
    return created
