"""The draft-regulation pages over HTTP, as the officers use them: the office registers a draft (the
deadline across Tết shown), the department prices the impact assessment, the office answers, the department
explains and records the issued document, the office links the publication decision; the register's Excel
and the assessment's PDF carry the figures; another department gets 404s; bad input is a message."""

import subprocess
from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from motcua.review.drafts.models import DraftRegulation
from motcua.review.drafts.workflows import DraftStatus
from tests.catalog.factories import decide

from .conftest import AFTER, BEFORE
from .test_pages import actions_post


def register_post(world, **extra) -> dict:
    return {
        "plan": world.plan.pk,
        "kind": "committee_decision",
        "title": '=HYPERLINK("x") Quyết định quy định thủ tục hộ tịch',
        "issuing_body": "UBND tỉnh",
        "drafting_agency": world.justice.pk,
        "sent_on": "2026-02-09",
        "received_on": "2026-02-10",
        "amend": world.procedure.national_code,
        "new": "Cấp giấy xác nhận tình trạng hôn nhân trực tuyến",
        **extra,
    }


def test_the_draft_journey_over_http(world, client):
    client.force_login(world.officer)
    assert client.get(reverse("review:drafts")).status_code == 200
    posted = client.post(reverse("review:drafts"), register_post(world))
    draft = DraftRegulation.objects.get()
    assert posted.status_code == 302
    page = client.get(reverse("review:draft", args=[draft.pk]))
    assert "03/03/2026" in page.content.decode()  # ten working days after 10/02, Tết off
    amended, new = draft.procedures.order_by("pk")

    client.force_login(world.reviewer)
    url = reverse("review:draft_assessment", args=[amended.pk])
    assert client.post(url, actions_post("before", BEFORE)).status_code == 302
    assert client.post(url, actions_post("after", AFTER)).status_code == 302
    saved = client.post(
        url,
        {
            "section": "assessment",
            "necessity": "Cần thiết",
            "reasonableness": "Hợp lý",
            "legality": "Hợp pháp",
            "times_before": "1",
            "times_after": "1",
            "subjects": "1200",
        },
    )
    assert saved.status_code == 302
    body = client.get(url).content.decode()
    assert "573.750.000" in body
    assert "165.000.000" in body
    pdf = client.get(reverse("review:draft_assessment_pdf", args=[amended.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True).stdout
    text = text.decode()
    assert "BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG" in text
    assert "573.750.000" in text
    assert "478.125" in text

    client.force_login(world.officer)
    answer_url = reverse("review:draft", args=[draft.pk])
    missing = client.post(
        answer_url, {"section": "answer", "number": "15/VP-KSTT", "answered_on": "2026-03-03"}
    )
    assert missing.status_code == 200  # a message on the form, nothing stored
    draft.refresh_from_db()
    assert draft.status == DraftStatus.REGISTERED
    answered = client.post(
        answer_url,
        {
            "section": "answer",
            "number": "15/VP-KSTT",
            "answered_on": "2026-03-03",
            "text": "Cơ bản thống nhất",
            f"opinion-{amended.pk}": "Đồng ý bỏ bản sao",
            f"opinion-{new.pk}": "Đề nghị làm rõ căn cứ",
        },
    )
    assert answered.status_code == 302

    client.force_login(world.reviewer)
    explained = client.post(
        answer_url,
        {
            "section": "explain",
            "received_on": "2026-03-10",
            "text": "Tiếp thu",
            f"acceptance-{amended.pk}": "accepted",
            f"acceptance-{new.pk}": "partly",
            f"explanation-{new.pk}": "Đã bổ sung căn cứ Luật Hộ tịch",
        },
    )
    assert explained.status_code == 302
    client.force_login(world.officer)
    issued = client.post(
        answer_url, {"section": "issue", "number": "12/2026/QĐ-UBND", "issued_on": "2026-04-01"}
    )
    assert issued.status_code == 302
    decide(publish=[world.procedure], effective_from=date(2026, 6, 1), number="301/QĐ-UBND")
    linked = client.post(answer_url, {"section": "publication", "number": "301/QĐ-UBND"})
    assert linked.status_code == 302
    draft.refresh_from_db()
    assert draft.publication_decision.number == "301/QĐ-UBND"
    body = client.get(answer_url).content.decode()
    assert "Đã công bố tại Quyết định 301/QĐ-UBND" in body
    client.logout()  # the catalog page is public and says which controlled document asked for the version
    catalog = client.get(reverse("catalog:detail", args=[world.procedure.national_code])).content.decode()
    assert "Sửa đổi theo văn bản 12/2026/QĐ-UBND ngày 01/04/2026" in catalog
    client.force_login(world.officer)

    sheet = load_workbook(BytesIO(client.get(reverse("review:drafts_xlsx") + "?nam=2026").content)).active
    header = [c.value for c in sheet[3]]
    row = dict(zip(header, [c.value for c in sheet[4]], strict=True))
    assert row["Hạn có ý kiến"] == "03/03/2026"
    assert row["Đúng hạn"] == "Đúng hạn"
    assert row["Số TTHC trong dự thảo"] == 2
    assert row["Quyết định công bố"] == "301/QĐ-UBND"
    assert sheet.cell(row=4, column=2).data_type == "s"  # the formula-looking title stays text
    assert sheet.cell(row=4, column=2).quotePrefix


def test_another_department_gets_404_and_bad_input_a_message(world, client):
    client.force_login(world.officer)
    client.post(reverse("review:drafts"), register_post(world))
    draft = DraftRegulation.objects.get()
    row = draft.procedures.first()
    bad = client.post(
        reverse("review:drafts"), register_post(world, amend="9.999999", received_on="2999-01-01")
    )
    assert bad.status_code == 200
    assert DraftRegulation.objects.count() == 1
    assert client.get(reverse("review:drafts") + "?nam=abc").status_code == 400
    nul = client.post(reverse("review:drafts"), register_post(world, title="Dự thảo\x00"))
    assert nul.status_code == 400  # the boundary refuses NUL bytes before any form sees them
    assert DraftRegulation.objects.count() == 1
    client.force_login(world.outsider)
    for url in (
        reverse("review:draft", args=[draft.pk]),
        reverse("review:draft_assessment", args=[row.pk]),
        reverse("review:draft_assessment_pdf", args=[row.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("review:drafts"), register_post(world)).status_code == 403
    listing = client.get(reverse("review:drafts")).content.decode()
    assert "hộ tịch" not in listing
