"""Demo plans of Minh Sơn for 2026: the provincial TTHC-control plan and communication plan, two commune
plans derived from them, progress at every stage (done on time, late, awaiting review, overdue),
communication activities and one submitted quarterly report. Each part is created only when missing, so
loading is idempotent.
"""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from motcua.control import reports, services
from motcua.control.models import Plan, PlanKind, PlanStatus, ReportRequest, ReportTemplate, TargetSource
from motcua.org.models import Agency
from motcua.outreach.models import ActivityKind, CommunicationActivity
from motcua.outreach.services import record_activity

YEAR = 2026
PROVINCE, OFFICE, HOME_AFFAIRS, JUSTICE, CONSTRUCTION, AGRICULTURE, HEALTH, CENTRE = (
    "000.00.00.H99",
    "000.00.01.H99",
    "000.00.06.H99",
    "000.00.03.H99",
    "000.00.04.H99",
    "000.00.05.H99",
    "000.00.07.H99",
    "000.00.02.H99",
)
COMMUNES = [f"000.00.{n}.H99" for n in range(41, 49)]
MINH_SON, DONG_HUNG = COMMUNES[0], COMMUNES[3]

# number, content, lead, supporting, due (date or (recurrence, day)), output, target codes
CONTROL_TASKS = [
    (
        "Công bố danh mục TTHC sau sắp xếp chính quyền hai cấp",
        OFFICE,
        [JUSTICE],
        date(2026, 2, 27),
        "Quyết định công bố của Chủ tịch UBND tỉnh",
        ["CT1"],
    ),
    (
        "Cập nhật, công khai TTHC trên Cơ sở dữ liệu quốc gia",
        OFFICE,
        [],
        date(2026, 3, 31),
        "100% TTHC được công khai",
        ["CT1"],
    ),
    (
        "Rà soát, đơn giản hóa TTHC lĩnh vực đất đai",
        AGRICULTURE,
        [OFFICE],
        date(2026, 6, 30),
        "Báo cáo rà soát, phương án đơn giản hóa",
        [],
    ),
    (
        "Rà soát, đơn giản hóa TTHC lĩnh vực xây dựng",
        CONSTRUCTION,
        [OFFICE],
        date(2026, 6, 30),
        "Báo cáo rà soát, phương án đơn giản hóa",
        [],
    ),
    (
        "Số hóa hồ sơ, kết quả giải quyết TTHC tại Trung tâm Phục vụ hành chính công tỉnh",
        CENTRE,
        [],
        date(2026, 9, 30),
        "Tỷ lệ số hóa đạt trên 80%",
        ["CT2"],
    ),
    (
        "Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã",
        MINH_SON,
        COMMUNES[1:4],
        date(2026, 3, 14),
        "Ảnh chụp khu vực niêm yết",
        ["CT1"],
    ),
    (
        "Báo cáo tình hình, kết quả kiểm soát TTHC hằng quý",
        MINH_SON,
        [],
        ("quarterly", 14),
        "Báo cáo quý",
        ["CT2"],
    ),
    (
        "Kiểm tra việc giải quyết TTHC tại các xã, phường",
        OFFICE,
        [HOME_AFFAIRS],
        date(2026, 10, 30),
        "Kết luận kiểm tra",
        [],
    ),
    (
        "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
        JUSTICE,
        [OFFICE],
        date(2026, 11, 27),
        "Sổ theo dõi PAKN",
        ["CT3"],
    ),
    (
        "Đánh giá chất lượng giải quyết TTHC theo Bộ chỉ số 766",
        OFFICE,
        [CENTRE],
        date(2026, 12, 11),
        "Báo cáo đánh giá",
        ["CT2"],
    ),
    (
        "Rà soát quy trình nội bộ giải quyết TTHC lĩnh vực y tế",
        HEALTH,
        [OFFICE],
        date(2026, 8, 31),
        "Quy trình nội bộ được phê duyệt",
        [],
    ),
    (
        "Thực hiện TTHC không phụ thuộc địa giới hành chính tại xã Đông Hưng",
        DONG_HUNG,
        [CENTRE],
        date(2026, 12, 15),
        "Báo cáo kết quả",
        [],
    ),
]
COMMUNICATION_TASKS = [
    (
        "Phát sóng chuyên mục cải cách hành chính trên đài truyền thanh xã",
        DONG_HUNG,
        [],
        ("monthly", 25),
        "Chương trình phát thanh",
        ["TT1"],
    ),
    (
        "Duy trì chuyên mục CCHC trên cổng thông tin điện tử tỉnh",
        HOME_AFFAIRS,
        [OFFICE],
        ("monthly", 28),
        "Tối thiểu 2 bài mỗi tháng",
        ["TT3"],
    ),
    (
        "Chuyên mục CCHC trên cổng, trang thông tin điện tử của các sở và xã",
        HOME_AFFAIRS,
        COMMUNES[:4],
        date(2026, 4, 30),
        "Chuyên mục hoạt động",
        ["TT2"],
    ),
    (
        "In, phát tờ rơi hướng dẫn dịch vụ công trực tuyến",
        CENTRE,
        [MINH_SON],
        date(2026, 5, 29),
        "5.000 tờ rơi",
        [],
    ),
    (
        "Hội nghị tập huấn kỹ năng tuyên truyền CCHC",
        HOME_AFFAIRS,
        [],
        date(2026, 7, 31),
        "Hội nghị 200 đại biểu",
        [],
    ),
    (
        "Tuyên truyền qua Zalo OA về dịch vụ công trực tuyến",
        MINH_SON,
        [DONG_HUNG],
        date(2026, 9, 30),
        "Tin nhắn Zalo hằng tháng",
        [],
    ),
    (
        "Phóng sự truyền hình về mô hình một cửa cấp xã",
        HOME_AFFAIRS,
        [DONG_HUNG],
        date(2026, 10, 30),
        "Phóng sự phát trên Đài PT-TH tỉnh",
        [],
    ),
    (
        "Cuộc thi tìm hiểu về cải cách hành chính",
        HOME_AFFAIRS,
        [OFFICE],
        date(2026, 11, 30),
        "Kết quả cuộc thi",
        [],
    ),
    (
        "Pano, áp phích tại Trung tâm Phục vụ hành chính công các xã",
        DONG_HUNG,
        [],
        date(2026, 6, 30),
        "Pano lắp đặt",
        [],
    ),
    (
        "Sơ kết công tác tuyên truyền CCHC năm 2026",
        HOME_AFFAIRS,
        [],
        date(2026, 12, 18),
        "Báo cáo sơ kết",
        [],
    ),
]

# (plan number, task number, occurrence sequence): (percent, completion day or None, accepted?)
PROGRESS = {
    ("1739/KH-UBND", 1, 1): (100, date(2026, 2, 25), True),  # on time
    ("1739/KH-UBND", 2, 1): (100, date(2026, 4, 8), True),  # late
    ("1739/KH-UBND", 3, 1): (100, date(2026, 6, 26), True),
    ("1739/KH-UBND", 4, 1): (60, None, False),  # overdue, in progress
    ("1739/KH-UBND", 5, 1): (100, date(2026, 9, 28), False),  # awaiting review
    ("1739/KH-UBND", 6, 1): (100, date(2026, 3, 12), True),
    ("1739/KH-UBND", 7, 1): (100, date(2026, 3, 13), True),
    ("1739/KH-UBND", 7, 2): (100, date(2026, 6, 16), True),  # late: due Sunday 14/6, so Monday 15/6
    ("1739/KH-UBND", 7, 3): (100, date(2026, 9, 11), True),
    ("1739/KH-UBND", 8, 1): (70, None, False),
    ("1739/KH-UBND", 11, 1): (100, date(2026, 8, 28), True),
    ("1802/KH-UBND", 1, 1): (100, date(2026, 1, 23), True),
    ("1802/KH-UBND", 1, 2): (100, date(2026, 2, 25), True),
    ("1802/KH-UBND", 1, 3): (100, date(2026, 3, 24), True),
    ("1802/KH-UBND", 3, 1): (100, date(2026, 4, 29), True),
    ("1802/KH-UBND", 4, 1): (100, date(2026, 6, 5), True),
    ("1802/KH-UBND", 5, 1): (100, date(2026, 7, 30), True),
    ("1802/KH-UBND", 9, 1): (40, None, False),  # overdue
}

ACTIVITIES = [
    (
        DONG_HUNG,
        ActivityKind.RADIO,
        "Chuyên mục CCHC tháng 1 trên Đài truyền thanh xã",
        date(2026, 1, 20),
        3500,
    ),
    (
        DONG_HUNG,
        ActivityKind.RADIO,
        "Chuyên mục CCHC tháng 2 trên Đài truyền thanh xã",
        date(2026, 2, 24),
        3500,
    ),
    (
        DONG_HUNG,
        ActivityKind.RADIO,
        "Chuyên mục CCHC tháng 3 trên Đài truyền thanh xã",
        date(2026, 3, 23),
        3600,
    ),
    (MINH_SON, ActivityKind.RADIO, "Phát thanh hướng dẫn nộp hồ sơ trực tuyến", date(2026, 4, 10), 5000),
    (COMMUNES[1], ActivityKind.RADIO, "Bản tin cải cách hành chính phường Hòa Bình", date(2026, 5, 12), 4200),
    (
        HOME_AFFAIRS,
        ActivityKind.PORTAL_ARTICLE,
        "Tỉnh Minh Sơn triển khai chính quyền hai cấp",
        date(2026, 1, 12),
        2100,
    ),
    (
        HOME_AFFAIRS,
        ActivityKind.PORTAL_ARTICLE,
        "Hướng dẫn nộp hồ sơ qua Cổng DVC quốc gia",
        date(2026, 2, 9),
        3400,
    ),
    (HOME_AFFAIRS, ActivityKind.PORTAL_ARTICLE, "Kết quả Bộ chỉ số 766 quý I", date(2026, 4, 20), 1800),
    (OFFICE, ActivityKind.PORTAL_ARTICLE, "Công bố danh mục TTHC sau sắp xếp", date(2026, 3, 2), 2600),
    (
        HOME_AFFAIRS,
        ActivityKind.PRESS_ARTICLE,
        "Một cửa cấp xã: nhanh hơn, gần dân hơn",
        date(2026, 5, 18),
        12000,
    ),
    (CENTRE, ActivityKind.LEAFLET, "Tờ rơi hướng dẫn thanh toán trực tuyến", date(2026, 5, 25), 5000),
    (HOME_AFFAIRS, ActivityKind.TRAINING, "Tập huấn kỹ năng tuyên truyền CCHC", date(2026, 7, 22), 200),
    (MINH_SON, ActivityKind.ZALO_MESSAGE, "Tin nhắn Zalo: đặt lịch hẹn nộp hồ sơ", date(2026, 8, 5), 8000),
    (DONG_HUNG, ActivityKind.POSTER, "Pano hướng dẫn dịch vụ công trực tuyến", date(2026, 6, 20), 0),
    (HOME_AFFAIRS, ActivityKind.VIDEO, "Phóng sự mô hình một cửa xã Đông Hưng", date(2026, 10, 20), 15000),
    (COMMUNES[2], ActivityKind.SOCIAL_POST, "Bài đăng Fanpage: lịch tiếp dân", date(2026, 9, 8), 900),
]


def load() -> dict[str, int]:
    agencies = {a.code: a for a in Agency.objects.all()}
    control = _provincial_plan(
        agencies, "1739/KH-UBND", PlanKind.TTHC_CONTROL, OFFICE, CONTROL_TASKS, _control_targets
    )
    communication = _provincial_plan(
        agencies,
        "1802/KH-UBND",
        PlanKind.COMMUNICATION,
        HOME_AFFAIRS,
        COMMUNICATION_TASKS,
        _communication_targets,
    )
    _activities(agencies, {p.number: p for p in (control, communication)})
    _progress({p.number: p for p in (control, communication)})
    _commune_plan(
        control, agencies[MINH_SON], "15/KH-UBND", "Kế hoạch kiểm soát TTHC năm 2026 của phường Minh Sơn"
    )
    _commune_plan(
        communication,
        agencies[DONG_HUNG],
        "08/KH-UBND",
        "Kế hoạch tuyên truyền CCHC năm 2026 của xã Đông Hưng",
    )
    _quarterly_report(control, agencies)
    return {"plans": Plan.objects.count(), "activities": CommunicationActivity.objects.count()}


def _provincial_plan(agencies, number, kind, owner, tasks, make_targets) -> Plan:
    plan = Plan.objects.filter(issuing_agency=agencies[PROVINCE], number=number).first()
    if plan:
        return plan
    title = {
        PlanKind.TTHC_CONTROL: "Kế hoạch kiểm soát thủ tục hành chính năm 2026 trên địa bàn tỉnh Minh Sơn",
        PlanKind.COMMUNICATION: "Kế hoạch tuyên truyền cải cách hành chính năm 2026 tỉnh Minh Sơn",
    }[kind]
    plan = services.create_plan(
        actor=None,
        kind=kind,
        title=title,
        issuing_agency=agencies[PROVINCE],
        owner_agency=agencies[owner],
        year_from=YEAR,
        year_to=YEAR,
        number=number,
        signer="Phó Chủ tịch UBND tỉnh Trần Quốc Minh",
        signed_on=date(2026, 1, 8) if kind == PlanKind.TTHC_CONTROL else date(2026, 1, 12),
        purpose="Kiểm soát chặt chẽ việc ban hành, thực hiện TTHC; công khai, minh bạch; nâng cao mức độ "
        "hài lòng của người dân, doanh nghiệp.",
        requirements="Các sở, ngành, UBND cấp xã xây dựng kế hoạch của cơ quan, đơn vị; báo cáo định kỳ "
        "đúng hạn.",
    )
    targets = {t.code: t for t in make_targets(plan)}
    for content, lead, supporting, due, output, codes in tasks:
        recurring = isinstance(due, tuple)
        services.add_task(
            actor=None,
            plan=plan,
            content=content,
            lead_agency=agencies[lead],
            supporting_agencies=[agencies[code] for code in supporting],
            start_on=date(2026, 1, 15),
            due_on=None if recurring else due,
            recurrence=due[0] if recurring else "none",
            due_day=due[1] if recurring else None,
            end_on=date(2026, 12, 31) if recurring else None,
            expected_output=output,
            targets=[targets[code] for code in codes],
        )
    return services.issue_plan(actor=None, plan=plan)


def _control_targets(plan):
    return [
        services.add_target(
            actor=None,
            plan=plan,
            code="CT1",
            name="100% TTHC được công bố, công khai đúng quy định",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.ENTERED,
            aggregation="mean",
        ),
        services.add_target(
            actor=None,
            plan=plan,
            code="CT2",
            name="100% nhiệm vụ kiểm soát TTHC hoàn thành đúng hạn",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.COMPUTED,
            computation="control.tasks_on_time_rate",
        ),
        services.add_target(
            actor=None,
            plan=plan,
            code="CT3",
            name="100% phản ánh, kiến nghị được xử lý đúng hạn",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.ENTERED,
            aggregation="mean",
        ),
    ]


def _communication_targets(plan):
    return [
        services.add_target(
            actor=None,
            plan=plan,
            code="TT1",
            name="100% đài truyền thanh cấp xã có chương trình về cải cách hành chính",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.COMPUTED,
            computation="outreach.agencies_with_activity_rate",
            params={"kinds": ["radio"]},
        ),
        services.add_target(
            actor=None,
            plan=plan,
            code="TT2",
            name="100% cổng, trang thông tin điện tử có chuyên mục cải cách hành chính",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.ENTERED,
            aggregation="mean",
        ),
        services.add_target(
            actor=None,
            plan=plan,
            code="TT3",
            name="Tối thiểu 2 bài viết về CCHC mỗi tháng trên cổng thông tin điện tử tỉnh",
            unit="bài/tháng",
            target_value=Decimal(2),
            source=TargetSource.COMPUTED,
            computation="outreach.activity_monthly_average",
            params={"kinds": ["portal_article", "press_article"]},
        ),
    ]


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _progress(plans: dict[str, Plan]) -> None:
    for (number, task_number, sequence), (percent, finished, accepted) in PROGRESS.items():
        occurrence = plans[number].tasks.get(number=task_number).occurrences.get(sequence=sequence)
        if occurrence.reports.exists():
            continue
        agency = occurrence.task.lead_agency
        started = max(occurrence.period_start, min(finished or occurrence.due_on, occurrence.due_on))
        services.report_progress(
            actor=None,
            occurrence=occurrence,
            agency=agency,
            percent=min(percent, 60),
            text="Đã triển khai, đang thực hiện theo kế hoạch.",
            submitted_at=_at(started, 8),
        )
        if finished:
            done = services.report_progress(
                actor=None,
                occurrence=occurrence,
                agency=agency,
                percent=100,
                text="Đã hoàn thành nhiệm vụ, gửi kèm sản phẩm.",
                output_link="https://minhson.example.invalid/cchc",
                is_completion=True,
                submitted_at=_at(finished, 15),
            )
            if accepted:
                services.review_progress(actor=None, report=done, accept=True, comment="Đạt yêu cầu.")


def _activities(agencies, plans) -> None:
    for code, kind, title, day, reach in ACTIVITIES:
        if CommunicationActivity.objects.filter(agency=agencies[code], title=title, held_on=day).exists():
            continue
        record_activity(
            actor=None,
            agency=agencies[code],
            kind=kind,
            title=title,
            held_on=day,
            reach=reach,
            channel="Đài truyền thanh xã" if kind == ActivityKind.RADIO else "",
            audience="Người dân, doanh nghiệp",
            task=_task_for(plans["1802/KH-UBND"], agencies[code]),
        )


def _task_for(plan: Plan, agency: Agency):
    return (
        (plan.tasks.filter(lead_agency=agency) | plan.tasks.filter(supporting_agencies=agency))
        .order_by("number")
        .first()
    )


def _commune_plan(parent: Plan, commune: Agency, number: str, title: str) -> Plan:
    plan = Plan.objects.filter(issuing_agency=commune, number=number).first()
    if plan:
        return plan
    plan = services.derive_plan(
        actor=None,
        parent=parent,
        issuing_agency=commune,
        title=title,
        number=number,
        signed_on=date(2026, 1, 26),
    )
    plan.signer = f"Chủ tịch {commune.name}"
    plan.save(update_fields=["signer"])
    plan = services.issue_plan(actor=None, plan=plan)
    first = plan.tasks.order_by("number").first()
    occurrence = first.occurrences.order_by("sequence").first()
    services.report_progress(
        actor=None,
        occurrence=occurrence,
        agency=commune,
        percent=50,
        text="Đã giao các bộ phận triển khai.",
        submitted_at=_at(max(occurrence.period_start, date(2026, 2, 2))),
    )
    return plan


def _quarterly_report(plan: Plan, agencies) -> None:
    period = reports.reporting_period(frequency="quarter", year=YEAR, number=3)
    template = ReportTemplate.objects.get(code="KSTTHC-DK")
    request = ReportRequest.objects.filter(plan=plan, template=template, period=period).first()
    if request is None:
        request = reports.request_reports(
            actor=None,
            plan=plan,
            template=template,
            period=period,
            title="Báo cáo tình hình, kết quả kiểm soát TTHC quý III năm 2026",
            agencies=[agencies[code] for code in (*COMMUNES, JUSTICE, CONSTRUCTION, AGRICULTURE)],
        )
    if plan.status == PlanStatus.ISSUED and not request.reports.filter(agency=agencies[MINH_SON]).exists():
        reports.save_report(
            actor=None,
            request=request,
            agency=agencies[MINH_SON],
            number="42/BC-UBND",
            signer="Mai Văn Đạo",
            submit=True,
            submitted_at=_at(date(2026, 9, 16), 10),
            values={
                "tthc_published": 12,
                "tthc_posted": 12,
                "tthc_reviewed": 8,
                "simplification_proposals": 2,
                "received_online": 1260,
                "received_direct": 430,
                "received_postal": 35,
                "carried_over": 48,
                "done_on_time": 1690,
                "done_late": 9,
                "pending_in_time": 70,
                "pending_overdue": 4,
                "apologies": 9,
                "feedback_received": 6,
                "feedback_handled": 6,
                "feedback_published": 5,
                "communication_activities": 14,
                "difficulties": "Đường truyền tại một số thôn còn chậm.",
                "proposals": "Bổ sung máy quét tại Bộ phận Một cửa.",
            },
        )
