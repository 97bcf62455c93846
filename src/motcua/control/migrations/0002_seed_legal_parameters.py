"""Seed the legal parameters the control work needs to run: the due-soon window, reminder rules, the
NĐ 09/2019 reporting cut-offs and the periodic report template on TTHC control. All are rows an
administrator corrects in the admin (with a new valid_from) when the rules change."""

from datetime import date

from django.db import migrations

MADE_BY_SYSTEM = "Mặc định khi cài đặt; điều chỉnh theo quy chế của tỉnh"
DECREE_09 = "Nghị định 09/2019/NĐ-CP về chế độ báo cáo của cơ quan hành chính nhà nước (thời điểm chốt số liệu)"

TEMPLATE = [
    ("Công bố, công khai thủ tục hành chính", [
        ("tthc_published", "Số TTHC được công bố trong kỳ", "thủ tục"),
        ("tthc_posted", "Số TTHC được công khai trên Cơ sở dữ liệu quốc gia", "thủ tục"),
    ]),
    ("Rà soát, đơn giản hóa thủ tục hành chính", [
        ("tthc_reviewed", "Số TTHC được rà soát", "thủ tục"),
        ("simplification_proposals", "Số phương án đơn giản hóa được đề xuất", "phương án"),
    ]),
    ("Tiếp nhận, giải quyết hồ sơ", [
        ("received_online", "Hồ sơ tiếp nhận trực tuyến", "hồ sơ"),
        ("received_direct", "Hồ sơ tiếp nhận trực tiếp", "hồ sơ"),
        ("received_postal", "Hồ sơ tiếp nhận qua bưu chính công ích", "hồ sơ"),
        ("carried_over", "Hồ sơ kỳ trước chuyển qua", "hồ sơ"),
        ("done_on_time", "Hồ sơ giải quyết trước hạn, đúng hạn", "hồ sơ"),
        ("done_late", "Hồ sơ giải quyết quá hạn", "hồ sơ"),
        ("pending_in_time", "Hồ sơ đang giải quyết trong hạn", "hồ sơ"),
        ("pending_overdue", "Hồ sơ đang giải quyết quá hạn", "hồ sơ"),
        ("apologies", "Số văn bản xin lỗi", "văn bản"),
    ]),
    ("Tiếp nhận, xử lý phản ánh, kiến nghị", [
        ("feedback_received", "Phản ánh, kiến nghị tiếp nhận", "phản ánh"),
        ("feedback_handled", "Phản ánh, kiến nghị đã xử lý", "phản ánh"),
        ("feedback_published", "Kết quả xử lý đã công khai", "phản ánh"),
    ]),
    ("Truyền thông hỗ trợ hoạt động kiểm soát TTHC", [
        ("communication_activities", "Số hoạt động tuyên truyền", "hoạt động"),
    ]),
    ("Đánh giá chung, khó khăn và kiến nghị", [
        ("difficulties", "Khó khăn, vướng mắc", ""),
        ("proposals", "Kiến nghị, đề xuất", ""),
    ]),
]
TEXT_FIELDS = {"difficulties", "proposals"}


def seed(apps, schema_editor):
    ControlParameter = apps.get_model("control", "ControlParameter")
    ReminderRule = apps.get_model("control", "ReminderRule")
    ReportingCutoff = apps.get_model("control", "ReportingCutoff")
    ReportTemplate = apps.get_model("control", "ReportTemplate")
    TemplateSection = apps.get_model("control", "TemplateSection")
    TemplateField = apps.get_model("control", "TemplateField")
    start = date(2019, 6, 1)
    ControlParameter.objects.get_or_create(
        key="due_soon_working_days", valid_from=start, defaults={"value": 3, "legal_basis": MADE_BY_SYSTEM}
    )
    for name, kind, days, repeat in [
        ("Nhắc trước hạn 3 ngày làm việc", "before_due", 3, False),
        ("Nhắc vào ngày đến hạn", "before_due", 0, False),
        ("Nhắc quá hạn (hằng ngày)", "overdue", 1, True),
        ("Nhắc gửi báo cáo định kỳ (từ 2 ngày làm việc trước hạn, hằng ngày)", "report_missing", 2, True),
    ]:
        ReminderRule.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "working_days": days, "repeat_daily": repeat, "valid_from": start,
                      "legal_basis": MADE_BY_SYSTEM},
        )
    for frequency, months in [("quarter", 3), ("half_year", 6), ("year", 12)]:
        ReportingCutoff.objects.get_or_create(
            frequency=frequency,
            valid_from=start,
            defaults={"months": months, "start_day": 15, "end_day": 14, "submit_within_working_days": 3,
                      "legal_basis": DECREE_09},
        )
    template, _ = ReportTemplate.objects.get_or_create(
        code="KSTTHC-DK",
        defaults={"name": "Báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính",
                  "valid_from": start, "legal_basis": "Thông tư 01/2020/TT-VPCP (nội dung tham khảo, cần đối chiếu)"},
    )
    for order, (title, fields) in enumerate(TEMPLATE, start=1):
        section, _ = TemplateSection.objects.get_or_create(template=template, order=order, defaults={"title": title})
        for field_order, (code, label, unit) in enumerate(fields, start=1):
            TemplateField.objects.get_or_create(
                section=section,
                code=code,
                defaults={"order": field_order, "label": label, "unit": unit,
                          "kind": "text" if code in TEXT_FIELDS else "number"},
            )


class Migration(migrations.Migration):
    dependencies = [("control", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
