"""The rating questions as first installed (data migration 0002): domain §9's criteria. Administrators
correct them in the admin; a changed question is a new row with its own valid_from."""

from datetime import date

SINCE = date(2018, 8, 21)
BASIS = (
    "Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP; Quyết định 766/QĐ-TTg "
    "(nội dung theo mẫu phiếu tham khảo của tỉnh, cần đối chiếu)"
)

# code, answer set, weight, required, unsatisfied at most, question, question in English
CRITERIA = [
    (
        "overall",
        "satisfaction",
        "3",
        True,
        2,
        "Nhìn chung, ông/bà hài lòng thế nào với việc giải quyết hồ sơ?",
        "Overall, how satisfied are you with how your dossier was handled?",
    ),
    (
        "on_time",
        "yes_no",
        "2",
        True,
        None,
        "Hồ sơ có được trả kết quả đúng ngày hẹn không?",
        "Was the result ready by the appointment date?",
    ),
    (
        "staff_attitude",
        "attitude",
        "2",
        True,
        None,
        "Thái độ, tác phong của công chức tiếp nhận, giải quyết hồ sơ như thế nào?",
        "How did the officers who received and handled your dossier behave?",
    ),
    (
        "time_versus_law",
        "time",
        "1",
        True,
        None,
        "Thời gian giải quyết thực tế so với thời hạn theo quy định?",
        "How did the actual time compare with the legal time limit?",
    ),
    (
        "visits",
        "count",
        "1",
        True,
        None,
        "Ông/bà đã phải đi lại bao nhiêu lần để hoàn thành thủ tục?",
        "How many times did you have to come in to complete the procedure?",
    ),
    (
        "agencies_contacted",
        "count",
        "1",
        True,
        None,
        "Ông/bà đã phải liên hệ với bao nhiêu cơ quan, đơn vị?",
        "How many agencies did you have to contact?",
    ),
    (
        "publicity",
        "publicity",
        "1",
        True,
        None,
        "Thủ tục hành chính có được công khai đầy đủ, dễ hiểu không?",
        "Was the procedure published completely and clearly?",
    ),
    (
        "online_quality",
        "satisfaction",
        "1",
        False,
        None,
        "Chất lượng dịch vụ công trực tuyến (nếu ông/bà đã sử dụng)?",
        "How good was the online service (if you used it)?",
    ),
]


def seed(apps, schema_editor) -> None:
    """Create the rows that are missing (by code and start date); edited rows are left alone."""
    criterion = apps.get_model("evaluation", "RatingCriterion")
    for position, (code, answer_set, weight, required, at_most, question, question_en) in enumerate(
        CRITERIA, start=1
    ):
        criterion.objects.get_or_create(
            code=code,
            valid_from=SINCE,
            defaults={
                "position": position,
                "question": question,
                "question_en": question_en,
                "answer_set": answer_set,
                "weight": weight,
                "required": required,
                "unsatisfied_at_most": at_most,
                "legal_basis": BASIS,
            },
        )
