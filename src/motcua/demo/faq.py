"""Demo Q&A of the Minh Sơn portal: three topics and the questions citizens ask most (tracking, online
submission, fees, supplements, the Tết schedule, rating). Topics and questions are matched by their text,
so loading again changes nothing.
"""

from motcua.catalog.models import Procedure
from motcua.org.models import Agency
from motcua.outreach import services
from motcua.outreach.models import Faq, FaqTopic

CENTRE = "000.00.02.H99"  # Trung tâm Phục vụ hành chính công tỉnh Minh Sơn

TOPICS = [
    (1, "Nộp hồ sơ và theo dõi hồ sơ"),
    (2, "Phí, lệ phí và thanh toán"),
    (3, "Lịch làm việc, đánh giá và góp ý"),
]

# topic index, question, answer, related procedure (national code) or ""
ENTRIES = [
    (
        0,
        "Làm thế nào để biết hồ sơ của tôi đang được giải quyết đến đâu?",
        "Bạn vào mục Tra cứu hồ sơ, nhập mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng "
        "4 số cuối số điện thoại hoặc số định danh đã khai khi nộp.\n\n"
        "Trang tra cứu cho biết hồ sơ đang ở cơ quan nào, ngày hẹn trả kết quả và hồ sơ có cần bổ sung "
        "hay không. Bạn cũng có thể quét mã QR trên giấy tiếp nhận.",
        "",
    ),
    (
        0,
        "Tôi có thể nộp hồ sơ trực tuyến cho những thủ tục nào?",
        "Trên trang của mỗi thủ tục có ghi mức độ dịch vụ công trực tuyến. Với thủ tục trực tuyến toàn "
        "trình, bạn nộp hồ sơ, thanh toán và nhận kết quả hoàn toàn qua mạng hoặc qua bưu chính.\n\n"
        "Với thủ tục trực tuyến một phần, bạn nộp hồ sơ qua mạng nhưng vẫn phải đến Trung tâm ít nhất một "
        "lần, thường là để nộp bản chính hoặc nhận kết quả.",
        "",
    ),
    (
        0,
        "Nộp hồ sơ trực tuyến vào buổi tối hoặc ngày nghỉ thì khi nào được tính?",
        "Hồ sơ nộp ngoài giờ làm việc, vào thứ bảy, chủ nhật hoặc ngày nghỉ lễ, Tết được tính là tiếp nhận "
        "từ đầu giờ làm việc tiếp theo. Ngày hẹn trả kết quả được tính theo ngày làm việc từ thời điểm đó.",
        "",
    ),
    (
        0,
        "Khi bị yêu cầu bổ sung hồ sơ, tôi phải làm gì?",
        "Bạn nhận được Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ghi rõ giấy tờ còn thiếu và lý do. Bạn chỉ "
        "phải bổ sung một lần theo đúng nội dung trong phiếu.\n\n"
        "Thời gian chờ bạn bổ sung không tính vào thời hạn giải quyết; khi bạn nộp bổ sung, thời hạn được "
        "tính tiếp.",
        "",
    ),
    (
        0,
        "Đăng ký khai sinh cho con cần mang theo giấy tờ gì?",
        "Bạn cần Tờ khai đăng ký khai sinh (có thể khai trực tuyến) và Giấy chứng sinh do cơ sở y tế cấp. "
        "Khi đến nộp, mang theo căn cước của người đi đăng ký để đối chiếu.\n\n"
        "Đăng ký khai sinh đúng hạn được miễn lệ phí.",
        "1.001193",
    ),
    (
        1,
        "Tôi có thể thanh toán phí, lệ phí trực tuyến bằng cách nào?",
        "Khi hồ sơ cần thanh toán, trang hồ sơ hiện nút Thanh toán. Bạn trả qua tài khoản ngân hàng, ví "
        "điện tử hoặc Nền tảng thanh toán của Cổng Dịch vụ công quốc gia và nhận biên lai điện tử.",
        "",
    ),
    (
        1,
        "Mức phí, lệ phí của thủ tục được công khai ở đâu?",
        "Mức phí, lệ phí của từng thủ tục được ghi trên trang thủ tục trong danh mục thủ tục hành chính và "
        "niêm yết tại Trung tâm Phục vụ hành chính công. Cán bộ không được thu thêm bất kỳ khoản nào ngoài "
        "mức đã công khai.",
        "",
    ),
    (
        1,
        "Nếu hồ sơ bị từ chối thì có được hoàn lại lệ phí không?",
        "Lệ phí đã nộp được hoàn lại khi hồ sơ bị từ chối tiếp nhận hoặc khi cơ quan không giải quyết, trừ "
        "trường hợp văn bản quy định về lệ phí của thủ tục có quy định khác. Bạn liên hệ quầy thu của "
        "Trung tâm để làm thủ tục hoàn tiền.",
        "",
    ),
    (
        2,
        "Dịp Tết Nguyên đán, Trung tâm Phục vụ hành chính công có làm việc không?",
        "Trung tâm nghỉ theo lịch nghỉ Tết của cán bộ, công chức do Nhà nước công bố hằng năm; năm 2026 "
        "nghỉ từ thứ bảy 14/02 đến hết chủ nhật 22/02/2026.\n\n"
        "Trong thời gian nghỉ bạn vẫn nộp hồ sơ trực tuyến được; hồ sơ được tiếp nhận từ ngày làm việc đầu "
        "tiên sau Tết. Xem lịch cả năm tại mục Lịch làm việc.",
        "",
    ),
    (
        2,
        "Tôi đánh giá mức độ hài lòng về việc giải quyết hồ sơ ở đâu?",
        "Sau khi nhận kết quả, bạn đánh giá tại quầy, trên trang Hồ sơ của tôi hoặc qua đường dẫn trong "
        "tin nhắn. Ý kiến của bạn được dùng để tính Bộ chỉ số phục vụ người dân, doanh nghiệp.",
        "",
    ),
    (
        2,
        "Tôi muốn góp ý về một quy định thủ tục hành chính chưa hợp lý thì gửi ở đâu?",
        "Bạn gửi phản ánh, kiến nghị về quy định hành chính qua Cổng dịch vụ công, bằng thư hoặc điện "
        "thoại tới Văn phòng UBND tỉnh. Khiếu nại, tố cáo được giải quyết theo pháp luật về khiếu nại, tố "
        "cáo, không qua kênh này.",
        "",
    ),
]


def load() -> dict[str, int]:
    """Create the demo topics and questions that are missing; returns the counts."""
    centre = Agency.objects.filter(code=CENTRE).first()
    if centre is None:  # the demo organisation is not loaded
        return {"faq": 0}
    topics = []
    for order, name in TOPICS:
        topic = FaqTopic.objects.filter(name=name).first()
        topics.append(topic or services.create_faq_topic(actor=None, name=name, order=order))
    known = set(Faq.objects.values_list("question", flat=True))
    for position, (topic_index, question, answer, code) in enumerate(ENTRIES, start=1):
        if question in known:
            continue
        services.create_faq(
            actor=None,
            topic=topics[topic_index],
            agency=centre,
            question=question,
            answer=answer,
            procedure=Procedure.objects.filter(national_code=code).first() if code else None,
            published=True,
            order=position,
        )
    return {"faq": Faq.objects.count()}
