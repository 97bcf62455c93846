"""The service index as QĐ 766/QĐ-TTg (23/6/2022) set it, loaded by migration 0002 and editable afterwards.

The five groups and their maximum points are the decision's [V]; within a group, the indicators' points
follow the national portal's grading [R] except where the decision names them (1.2: 4 points, 2.1: 20
points, 5.3: 6 points [V]). Targets: 80% for most rates, 50% for the share of full-online dossiers, 90% for
satisfaction [R]. `computation` names the measure in serviceindex.computations; a name nobody registered is
an indicator without a data source (it needs a connection or a module the platform does not have yet).
"""

from datetime import date

VALID_FROM = date(2022, 6, 23)
DECISION = "QĐ 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, Phụ lục Bộ chỉ số"
VERIFIED = DECISION
PORTAL = DECISION + " (điểm, mục tiêu theo cách chấm của Cổng DVCQG; chưa xác minh điều khoản)"

GROUPS = [
    # code, position, name, English name, max points
    ("1", 1, "Công khai, minh bạch", "Publicity and transparency", "18"),
    ("2", 2, "Tiến độ, kết quả giải quyết", "Progress and results", "20"),
    ("3", 3, "Số hóa hồ sơ", "Digitisation", "22"),
    ("4", 4, "Cung cấp dịch vụ trực tuyến", "Online services and payment", "22"),
    ("5", 5, "Mức độ hài lòng", "Satisfaction", "18"),
]

INDICATORS = [
    # group, code, name, English name, points, target %, computation, legal basis
    (
        "1",
        "1.1",
        "Công bố TTHC đúng hạn",
        "Procedures published on time",
        "6",
        "80",
        "catalog.published_on_time",
        PORTAL,
    ),
    (
        "1",
        "1.2",
        "Cập nhật, công khai TTHC đúng hạn",
        "Procedures updated and posted on time",
        "4",
        "80",
        "catalog.posted_on_time",
        VERIFIED,
    ),
    (
        "1",
        "1.3",
        "Công khai đầy đủ bộ phận cấu thành của TTHC",
        "Procedures posted with all constituent parts",
        "2",
        "80",
        "catalog.versions_complete",
        PORTAL,
    ),
    (
        "1",
        "1.4",
        "Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia",
        "Dossiers synced to the national portal",
        "6",
        "80",
        "national_portal.synced",
        PORTAL,
    ),
    (
        "2",
        "2.1",
        "Hồ sơ giải quyết trước hạn, đúng hạn",
        "Dossiers handled early or on time",
        "20",
        "80",
        "dossiers.on_time",
        VERIFIED,
    ),
    (
        "3",
        "3.1",
        "Cấp kết quả giải quyết TTHC điện tử",
        "Results issued electronically",
        "6",
        "80",
        "dossiers.electronic_result",
        PORTAL,
    ),
    ("3", "3.2", "Số hóa hồ sơ TTHC", "Dossiers digitised", "4", "80", "dossiers.digitised", PORTAL),
    (
        "3",
        "3.3",
        "Cấp bản sao điện tử từ sổ gốc, chứng thực điện tử",
        "Electronic certified copies",
        "2",
        "80",
        "integrations.electronic_copies",
        PORTAL,
    ),
    (
        "3",
        "3.4",
        "Khai thác, tái sử dụng thông tin, dữ liệu số hóa",
        "Reuse of digitised data",
        "2",
        "80",
        "dossiers.reused_data",
        PORTAL,
    ),
    (
        "3",
        "3.5",
        "Đồng bộ kết quả vào Kho quản lý dữ liệu điện tử của công dân",
        "Results synced to the citizen data store",
        "4",
        "80",
        "integrations.citizen_store",
        PORTAL,
    ),
    (
        "3",
        "3.6",
        "Sử dụng dữ liệu dân cư (xác thực định danh điện tử)",
        "Use of population data (electronic identity)",
        "2",
        "80",
        "dossiers.identity_verified",
        PORTAL,
    ),
    (
        "3",
        "3.7",
        "Thủ tục kết nối, khai thác Cơ sở dữ liệu quốc gia về dân cư",
        "Procedures connected to the population database",
        "2",
        "80",
        "integrations.population_procedures",
        PORTAL,
    ),
    (
        "4",
        "4.1",
        "Hồ sơ trực tuyến toàn trình của thủ tục đủ điều kiện",
        "Full-online dossiers of eligible procedures",
        "12",
        "50",
        "dossiers.full_online",
        PORTAL,
    ),
    (
        "4",
        "4.2",
        "Thủ tục có phí, lệ phí tích hợp thanh toán trực tuyến",
        "Procedures with fees integrated for online payment",
        "2",
        "80",
        "integrations.fee_integrated",
        PORTAL,
    ),
    (
        "4",
        "4.3",
        "Thủ tục có phát sinh thanh toán trực tuyến",
        "Procedures with at least one online payment",
        "2",
        "80",
        "dossiers.procedures_paid_online",
        PORTAL,
    ),
    (
        "4",
        "4.4",
        "Hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        "6",
        "80",
        "dossiers.paid_online",
        PORTAL,
    ),
    (
        "5",
        "5.1",
        "Phản ánh, kiến nghị xử lý đúng hạn",
        "Feedback handled on time",
        "6",
        "80",
        "feedback.handled_on_time",
        VERIFIED,
    ),
    (
        "5",
        "5.2",
        "Hài lòng trong xử lý phản ánh, kiến nghị",
        "Satisfaction with feedback handling",
        "6",
        "90",
        "feedback.satisfaction",
        VERIFIED,
    ),
    (
        "5",
        "5.3",
        "Hài lòng trong tiếp nhận, giải quyết TTHC",
        "Satisfaction with dossier handling",
        "6",
        "90",
        "dossiers.satisfaction",
        VERIFIED,
    ),
]

SCORE_RULE = {
    "kind": "proportional",
    "decimals": 2,
    "description": "Tỷ lệ đạt mục tiêu: điểm tối đa; chưa đạt: tỷ lệ × điểm tối đa ÷ mục tiêu. "
    "Chỉ số chưa có nguồn dữ liệu hoặc không phát sinh trong kỳ không tính vào điểm tối đa và được nêu rõ.",
    "legal_basis": PORTAL,
}


def load(apps, schema_editor=None) -> None:
    from decimal import Decimal

    group_model = apps.get_model("serviceindex", "IndexGroup")
    indicator_model = apps.get_model("serviceindex", "Indicator")
    rule_model = apps.get_model("serviceindex", "ScoreRule")
    groups = {}
    for code, position, name, name_en, points in GROUPS:
        groups[code], _ = group_model.objects.get_or_create(
            code=code,
            valid_from=VALID_FROM,
            defaults={
                "position": position,
                "name": name,
                "name_en": name_en,
                "max_points": Decimal(points),
                "legal_basis": VERIFIED,
            },
        )
    for position, (group, code, name, name_en, points, target, computation, basis) in enumerate(INDICATORS):
        indicator_model.objects.get_or_create(
            code=code,
            valid_from=VALID_FROM,
            defaults={
                "group": groups[group],
                "position": position,
                "name": name,
                "name_en": name_en,
                "max_points": Decimal(points),
                "target": Decimal(target),
                "computation": computation,
                "legal_basis": basis,
            },
        )
    rule_model.objects.get_or_create(valid_from=VALID_FROM, defaults=SCORE_RULE)
