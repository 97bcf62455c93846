"""The demo catalog of Minh Sơn: 45 common procedures written from general knowledge of Vietnamese practice.

Codes look like national-database codes, time limits, fees and documents follow usual practice; they are
demonstration data, not a legal reference. Each sector is published by one decision of the provincial
People's Committee effective 1/7/2025 (the two-level reform); commune procedures are applied by every
commune People's Committee, provincial ones by the department in charge. Running it again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from motcua.catalog import selectors, services
from motcua.catalog.limits import limit_office_time
from motcua.catalog.models import Procedure, PublicationDecision, Synonym, VersionChannel
from motcua.org.models import Agency, AgencyKind, Role, RoleAssignment
from motcua.workdays.loader import installation_calendar

EFFECTIVE = date(2025, 7, 1)
SIGNED = date(2025, 6, 20)
POSTED = date(2025, 6, 25)

SECTORS = [
    ("G09-TP01", "Hộ tịch", "Bộ Tư pháp"),
    ("G09-TP02", "Chứng thực", "Bộ Tư pháp"),
    ("G09-TP03", "Lý lịch tư pháp", "Bộ Tư pháp"),
    ("G05-XD01", "Hoạt động xây dựng", "Bộ Xây dựng"),
    ("G06-DD01", "Đất đai", "Bộ Nông nghiệp và Môi trường"),
    ("G02-KH01", "Thành lập và hoạt động của hộ kinh doanh", "Bộ Tài chính"),
    ("G10-BT01", "Bảo trợ xã hội", "Bộ Y tế"),
    ("G08-CA01", "Đăng ký, quản lý cư trú", "Bộ Công an"),
    ("G03-GD10", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", "Bộ Giáo dục và Đào tạo"),
    ("G07-YT01", "Khám bệnh, chữa bệnh", "Bộ Y tế"),
    ("G11-BH01", "Bảo hiểm y tế", "Bảo hiểm xã hội Việt Nam"),
]
LEGAL_DOCUMENTS = {
    "G09-TP01": "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Nghị định 120/2025/NĐ-CP",
    "G09-TP02": "Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực; Nghị định 07/2025/NĐ-CP",
    "G09-TP03": "Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP",
    "G05-XD01": "Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP",
    "G06-DD01": "Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP",
    "G02-KH01": "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp",
    "G10-BT01": "Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội",
    "G08-CA01": "Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP",
    "G03-GD10": "Luật Giáo dục 2019; Thông tư 50/2021/TT-BGDĐT",
    "G07-YT01": "Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP",
    "G11-BH01": "Luật Bảo hiểm y tế 2008 (sửa đổi 2024)",
}
# Which provincial agency applies provincial procedures of a sector.
SECTOR_AGENCY = {
    "G09-TP01": "000.00.03.H99",
    "G09-TP02": "000.00.03.H99",
    "G09-TP03": "000.00.03.H99",
    "G05-XD01": "000.00.04.H99",
    "G06-DD01": "000.00.05.H99",
    "G02-KH01": "000.00.05.H99",
    "G10-BT01": "000.00.06.H99",
    "G08-CA01": "000.00.08.H99",
    "G03-GD10": "000.00.06.H99",
    "G07-YT01": "000.00.07.H99",
    "G11-BH01": "000.00.09.H99",
}
COMMUNE_COMMITTEES = [f"000.00.{n}.H99" for n in range(41, 49)]

CCCD = ("Căn cước hoặc giấy tờ tùy thân có ảnh (xuất trình)", "", 1, 0)


@dataclass
class Spec:
    code: str
    name: str
    sector: str
    level: str  # "commune", "province" or "vertical"
    limit: str  # "3d", "0.5d", "4h", "30cd"
    fee: int
    result: str
    documents: list[tuple[str, str, int, int]]
    online: str = "partial"
    any_boundary: bool = False
    applicants: list[str] = field(default_factory=lambda: ["citizen"])
    conditional: list[tuple[str, str]] = field(default_factory=list)
    requirements: str = ""


def _s(*args, **kwargs) -> Spec:
    return Spec(*args, **kwargs)


PROCEDURES = [
    # Hộ tịch (cấp xã)
    _s(
        "1.001193",
        "Đăng ký khai sinh",
        "G09-TP01",
        "commune",
        "1d",
        0,
        "Giấy khai sinh (bản chính)",
        [
            ("Tờ khai đăng ký khai sinh", "Mẫu TP/HT-2020-KS.1", 1, 0),
            ("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh", "", 1, 0),
            CCCD,
        ],
        online="full",
        any_boundary=True,
        applicants=["citizen", "overseas"],
    ),
    _s(
        "1.000894",
        "Đăng ký kết hôn",
        "G09-TP01",
        "commune",
        "1d",
        0,
        "Giấy chứng nhận kết hôn (02 bản chính)",
        [("Tờ khai đăng ký kết hôn", "Mẫu TP/HT-2020-KH.1", 1, 0), CCCD],
        online="partial",
        any_boundary=True,
        conditional=[("Trích lục ghi chú ly hôn", "Khi một bên đã ly hôn ở nước ngoài")],
    ),
    _s(
        "1.000656",
        "Đăng ký khai tử",
        "G09-TP01",
        "commune",
        "1d",
        0,
        "Trích lục khai tử (bản chính)",
        [
            ("Tờ khai đăng ký khai tử", "Mẫu TP/HT-2020-KT.1", 1, 0),
            ("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "", 1, 0),
        ],
        online="full",
        any_boundary=True,
    ),
    _s(
        "1.004746",
        "Đăng ký nhận cha, mẹ, con",
        "G09-TP01",
        "commune",
        "3d",
        15000,
        "Trích lục đăng ký nhận cha, mẹ, con",
        [
            ("Tờ khai đăng ký nhận cha, mẹ, con", "Mẫu TP/HT-2020-CMC.1", 1, 0),
            ("Văn bản của cơ quan y tế xác nhận quan hệ cha con hoặc mẹ con, hoặc chứng cứ khác", "", 1, 0),
            CCCD,
        ],
        any_boundary=True,
    ),
    _s(
        "1.004884",
        "Đăng ký lại khai sinh",
        "G09-TP01",
        "commune",
        "5d",
        8000,
        "Giấy khai sinh (bản chính)",
        [
            ("Tờ khai đăng ký lại khai sinh", "Mẫu TP/HT-2020-KSLai", 1, 0),
            ("Bản sao giấy tờ có thông tin về khai sinh đã đăng ký trước đây", "", 0, 1),
        ],
        any_boundary=True,
    ),
    _s(
        "1.004859",
        "Thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "G09-TP01",
        "commune",
        "3d",
        15000,
        "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch",
        [
            ("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Mẫu TP/HT-2020-TĐCC", 1, 0),
            ("Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung", "", 0, 1),
        ],
        online="full",
        any_boundary=True,
    ),
    _s(
        "1.004873",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "G09-TP01",
        "commune",
        "3d",
        3000,
        "Giấy xác nhận tình trạng hôn nhân",
        [("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "Mẫu TP/HT-2020-XNHN", 1, 0), CCCD],
        online="full",
        any_boundary=True,
    ),
    _s(
        "1.001022",
        "Đăng ký giám hộ",
        "G09-TP01",
        "commune",
        "3d",
        0,
        "Trích lục đăng ký giám hộ",
        [("Tờ khai đăng ký giám hộ", "Mẫu TP/HT-2020-GH", 1, 0), ("Văn bản cử người giám hộ", "", 1, 0)],
    ),
    _s(
        "1.004837",
        "Cấp bản sao trích lục hộ tịch",
        "G09-TP01",
        "commune",
        "1d",
        8000,
        "Bản sao trích lục hộ tịch",
        [("Tờ khai cấp bản sao trích lục hộ tịch", "Mẫu TP/HT-2020-BSTL", 1, 0)],
        online="full",
        any_boundary=True,
    ),
    _s(
        "1.000689",
        "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
        "G09-TP01",
        "commune",
        "3d",
        0,
        "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con",
        [
            ("Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con", "", 1, 0),
            ("Giấy chứng sinh", "", 1, 0),
            ("Chứng cứ chứng minh quan hệ cha, mẹ, con", "", 1, 0),
        ],
        any_boundary=True,
    ),
    _s(
        "1.001695",
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "G09-TP01",
        "commune",
        "3d",
        0,
        "Giấy khai sinh",
        [
            ("Tờ khai đăng ký khai sinh", "Mẫu TP/HT-2020-KS.1", 1, 0),
            ("Giấy chứng sinh", "", 1, 0),
            ("Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con", "", 1, 0),
        ],
        applicants=["citizen", "overseas", "foreigner"],
    ),
    # Chứng thực (cấp xã, không phụ thuộc địa giới)
    _s(
        "2.000815",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
        "G09-TP02",
        "commune",
        "4h",
        2000,
        "Bản sao được chứng thực từ bản chính",
        [
            ("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "", 1, 0),
            ("Bản sao cần chứng thực", "", 0, 1),
        ],
        online="full",
        any_boundary=True,
        applicants=["citizen", "overseas", "foreigner", "organisation"],
    ),
    _s(
        "2.000884",
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
        "G09-TP02",
        "commune",
        "4h",
        10000,
        "Giấy tờ, văn bản được chứng thực chữ ký",
        [("Giấy tờ, văn bản mà mình sẽ ký", "", 1, 0), CCCD],
        any_boundary=True,
    ),
    _s(
        "2.001035",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        "G09-TP02",
        "commune",
        "2d",
        50000,
        "Hợp đồng, giao dịch được chứng thực",
        [
            ("Dự thảo hợp đồng, giao dịch", "", 1, 0),
            ("Giấy tờ chứng minh quyền sở hữu tài sản", "", 0, 1),
            CCCD,
        ],
        any_boundary=True,
    ),
    _s(
        "2.001019",
        "Chứng thực di chúc",
        "G09-TP02",
        "commune",
        "2d",
        50000,
        "Di chúc được chứng thực",
        [
            ("Dự thảo di chúc", "", 1, 0),
            ("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản", "", 0, 1),
            CCCD,
        ],
    ),
    _s(
        "2.000913",
        "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
        "G09-TP02",
        "commune",
        "2d",
        30000,
        "Văn bản sửa đổi, bổ sung, hủy bỏ được chứng thực",
        [
            ("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ", "", 1, 0),
            ("Hợp đồng, giao dịch đã được chứng thực", "", 1, 0),
        ],
    ),
    # Lý lịch tư pháp (cấp tỉnh)
    _s(
        "2.001417",
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        "G09-TP03",
        "province",
        "10d",
        200000,
        "Phiếu lý lịch tư pháp số 1 hoặc số 2",
        [("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu 03/2013/TT-LLTP", 1, 0), CCCD],
        online="full",
        any_boundary=True,
        applicants=["citizen", "foreigner"],
    ),
    _s(
        "2.001254",
        "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội",
        "G09-TP03",
        "province",
        "10d",
        0,
        "Phiếu lý lịch tư pháp số 1",
        [("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp", "Mẫu 05a/2013/TT-LLTP", 1, 0)],
        online="full",
        applicants=["organisation"],
    ),
    # Xây dựng
    _s(
        "1.009994",
        "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        "G05-XD01",
        "commune",
        "15d",
        75000,
        "Giấy phép xây dựng",
        [
            ("Đơn đề nghị cấp giấy phép xây dựng", "Mẫu số 01 Phụ lục II NĐ 175/2024", 1, 0),
            ("Giấy tờ chứng minh quyền sử dụng đất", "", 0, 1),
            ("02 bộ bản vẽ thiết kế xây dựng", "", 2, 0),
        ],
        requirements="Phù hợp quy hoạch chi tiết xây dựng; bảo đảm an toàn cho công trình lân cận.",
    ),
    _s(
        "1.009995",
        "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ",
        "G05-XD01",
        "commune",
        "15d",
        75000,
        "Giấy phép xây dựng",
        [
            ("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo", "Mẫu số 01 Phụ lục II NĐ 175/2024", 1, 0),
            ("Giấy tờ chứng minh quyền sở hữu, quản lý, sử dụng công trình", "", 0, 1),
            ("Bản vẽ hiện trạng các bộ phận công trình dự kiến sửa chữa, cải tạo", "", 2, 0),
        ],
    ),
    _s(
        "1.009996",
        "Gia hạn giấy phép xây dựng",
        "G05-XD01",
        "commune",
        "5d",
        15000,
        "Giấy phép xây dựng được gia hạn",
        [
            ("Đơn đề nghị gia hạn giấy phép xây dựng", "Mẫu số 02 Phụ lục II NĐ 175/2024", 1, 0),
            ("Bản chính giấy phép xây dựng đã được cấp", "", 1, 0),
        ],
    ),
    _s(
        "1.009997",
        "Cấp lại giấy phép xây dựng",
        "G05-XD01",
        "commune",
        "5d",
        15000,
        "Giấy phép xây dựng được cấp lại",
        [("Đơn đề nghị cấp lại giấy phép xây dựng", "Mẫu số 02 Phụ lục II NĐ 175/2024", 1, 0)],
        conditional=[("Bản chính giấy phép xây dựng bị rách, nát", "Khi giấy phép bị rách, nát")],
    ),
    _s(
        "1.009998",
        "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV",
        "G05-XD01",
        "province",
        "20d",
        150000,
        "Giấy phép xây dựng",
        [
            ("Đơn đề nghị cấp giấy phép xây dựng", "Mẫu số 01 Phụ lục II NĐ 175/2024", 1, 0),
            ("Giấy tờ chứng minh quyền sử dụng đất", "", 0, 1),
            ("Hồ sơ thiết kế xây dựng", "", 2, 0),
            ("Văn bản thẩm định thiết kế của cơ quan chuyên môn về xây dựng", "", 0, 1),
        ],
        applicants=["business", "organisation", "citizen"],
    ),
    _s(
        "1.009999",
        "Cấp giấy phép di dời công trình",
        "G05-XD01",
        "province",
        "20d",
        150000,
        "Giấy phép di dời",
        [
            ("Đơn đề nghị cấp giấy phép di dời công trình", "", 1, 0),
            ("Bản vẽ tổng mặt bằng nơi công trình sẽ được di dời tới", "", 2, 0),
        ],
        applicants=["business", "citizen"],
    ),
    # Đất đai
    _s(
        "1.012766",
        "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
        "G06-DD01",
        "commune",
        "20d",
        100000,
        "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        [
            ("Đơn đăng ký đất đai, tài sản gắn liền với đất", "Mẫu số 04/ĐK", 1, 0),
            ("Giấy tờ về quyền sử dụng đất (nếu có)", "", 0, 1),
            ("Chứng từ thực hiện nghĩa vụ tài chính", "", 0, 1),
        ],
        requirements="Đất không có tranh chấp, sử dụng ổn định, phù hợp quy hoạch.",
    ),
    _s(
        "1.012767",
        "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế",
        "G06-DD01",
        "commune",
        "10d",
        50000,
        "Giấy chứng nhận đã xác nhận thay đổi hoặc Giấy chứng nhận mới",
        [
            ("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "Mẫu số 11/ĐK", 1, 0),
            ("Hợp đồng, văn bản chuyển nhượng, tặng cho, thừa kế đã công chứng, chứng thực", "", 1, 0),
            ("Bản gốc Giấy chứng nhận đã cấp", "", 1, 0),
        ],
        any_boundary=True,
    ),
    _s(
        "1.012768",
        "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
        "G06-DD01",
        "commune",
        "7d",
        50000,
        "Giấy chứng nhận mới",
        [("Đơn đăng ký biến động", "Mẫu số 11/ĐK", 1, 0), ("Bản gốc Giấy chứng nhận", "", 1, 0)],
        any_boundary=True,
    ),
    _s(
        "1.012769",
        "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất",
        "G06-DD01",
        "commune",
        "10d",
        50000,
        "Giấy chứng nhận được cấp lại",
        [
            ("Đơn đề nghị cấp lại Giấy chứng nhận", "Mẫu số 11/ĐK", 1, 0),
            ("Giấy xác nhận của Công an cấp xã về việc mất giấy tờ", "", 1, 0),
        ],
    ),
    _s(
        "1.012770",
        "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền",
        "G06-DD01",
        "commune",
        "15d",
        0,
        "Quyết định cho phép chuyển mục đích sử dụng đất",
        [("Đơn xin chuyển mục đích sử dụng đất", "Mẫu số 02c", 1, 0), ("Giấy chứng nhận", "", 1, 0)],
    ),
    _s(
        "1.012771",
        "Tách thửa hoặc hợp thửa đất",
        "G06-DD01",
        "commune",
        "15d",
        50000,
        "Giấy chứng nhận cho các thửa mới",
        [
            ("Đơn đề nghị tách thửa đất, hợp thửa đất", "Mẫu số 11/ĐK", 1, 0),
            ("Bản gốc Giấy chứng nhận", "", 1, 0),
        ],
    ),
    # Hộ kinh doanh
    _s(
        "2.000720",
        "Đăng ký thành lập hộ kinh doanh",
        "G02-KH01",
        "commune",
        "3d",
        100000,
        "Giấy chứng nhận đăng ký hộ kinh doanh",
        [("Giấy đề nghị đăng ký hộ kinh doanh", "Mẫu Phụ lục III-1", 1, 0), CCCD],
        online="full",
        any_boundary=True,
        applicants=["citizen"],
    ),
    _s(
        "2.000575",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "G02-KH01",
        "commune",
        "3d",
        100000,
        "Giấy chứng nhận đăng ký hộ kinh doanh",
        [("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "", 1, 0)],
        online="full",
        any_boundary=True,
    ),
    _s(
        "2.000516",
        "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh",
        "G02-KH01",
        "commune",
        "3d",
        0,
        "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh",
        [("Thông báo về việc tạm ngừng kinh doanh", "Mẫu Phụ lục III-3", 1, 0)],
        online="full",
        any_boundary=True,
    ),
    _s(
        "2.000554",
        "Chấm dứt hoạt động hộ kinh doanh",
        "G02-KH01",
        "commune",
        "3d",
        0,
        "Thông báo về việc chấm dứt hoạt động hộ kinh doanh",
        [
            ("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", "Mẫu Phụ lục III-4", 1, 0),
            ("Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh", "", 1, 0),
        ],
        online="full",
        any_boundary=True,
    ),
    # Cư trú (ngành dọc: Công an)
    # National codes as the national database gives them: 1.004222 permanent, 1.004194 temporary residence.
    _s(
        "1.004222",
        "Đăng ký thường trú",
        "G08-CA01",
        "vertical",
        "7d",
        20000,
        "Thông tin thường trú được cập nhật",
        [
            ("Tờ khai thay đổi thông tin cư trú", "Mẫu CT01", 1, 0),
            ("Giấy tờ chứng minh chỗ ở hợp pháp", "", 0, 1),
        ],
        online="full",
        any_boundary=False,
    ),
    _s(
        "1.004194",
        "Đăng ký tạm trú",
        "G08-CA01",
        "vertical",
        "3d",
        15000,
        "Thông tin tạm trú được cập nhật",
        [
            ("Tờ khai thay đổi thông tin cư trú", "Mẫu CT01", 1, 0),
            ("Giấy tờ chứng minh chỗ ở hợp pháp", "", 0, 1),
        ],
        online="full",
    ),
    _s(
        "1.004227",
        "Xóa đăng ký thường trú",
        "G08-CA01",
        "vertical",
        "1d",
        0,
        "Thông tin thường trú được xóa",
        [("Tờ khai thay đổi thông tin cư trú", "Mẫu CT01", 1, 0)],
        online="full",
    ),
    _s(
        "1.004206",
        "Khai báo tạm vắng",
        "G08-CA01",
        "vertical",
        "1d",
        0,
        "Phiếu khai báo tạm vắng",
        [("Đề nghị khai báo tạm vắng", "Mẫu CT01", 1, 0)],
        online="full",
    ),
    _s(
        "1.004228",
        "Xác nhận thông tin về cư trú",
        "G08-CA01",
        "vertical",
        "4h",
        0,
        "Giấy xác nhận thông tin về cư trú",
        [("Tờ khai thay đổi thông tin cư trú", "Mẫu CT01", 1, 0)],
        online="full",
        any_boundary=True,
    ),
    # Bảo trợ xã hội (cấp xã)
    _s(
        "1.001776",
        "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng",
        "G10-BT01",
        "commune",
        "15d",
        0,
        "Quyết định trợ cấp xã hội hàng tháng",
        [
            ("Tờ khai đề nghị trợ giúp xã hội", "Mẫu số 1a Nghị định 20/2021", 1, 0),
            ("Giấy xác nhận khuyết tật", "", 0, 1),
        ],
        applicants=["citizen"],
    ),
    _s(
        "1.001758",
        "Chi trả trợ cấp xã hội hàng tháng khi đối tượng thay đổi nơi cư trú",
        "G10-BT01",
        "commune",
        "10d",
        0,
        "Quyết định tiếp tục chi trả trợ cấp",
        [("Văn bản đề nghị của đối tượng", "", 1, 0)],
        any_boundary=True,
    ),
    _s(
        "1.001739",
        "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "G10-BT01",
        "commune",
        "3d",
        0,
        "Quyết định hỗ trợ chi phí mai táng",
        [
            ("Tờ khai đề nghị hỗ trợ chi phí mai táng", "Mẫu số 04 Nghị định 20/2021", 1, 0),
            ("Bản sao giấy chứng tử hoặc trích lục khai tử", "", 0, 1),
        ],
    ),
    _s(
        "1.001653",
        "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
        "G10-BT01",
        "commune",
        "25d",
        0,
        "Giấy xác nhận khuyết tật",
        [("Đơn đề nghị xác định mức độ khuyết tật", "Mẫu số 01 TT 01/2019", 1, 0)],
        conditional=[("Bản sao kết luận của Hội đồng giám định y khoa", "Khi đã được giám định trước đây")],
    ),
    # Giáo dục
    _s(
        "1.005097",
        "Chuyển trường đối với học sinh trung học cơ sở",
        "G03-GD10",
        "commune",
        "3d",
        0,
        "Hồ sơ chuyển trường được chấp thuận",
        [
            ("Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký", "", 1, 0),
            ("Học bạ (bản chính)", "", 1, 0),
        ],
        online="full",
    ),
    _s(
        "1.004494",
        "Cho phép trường mầm non hoạt động giáo dục",
        "G03-GD10",
        "commune",
        "20d",
        0,
        "Quyết định cho phép hoạt động giáo dục",
        [
            ("Tờ trình đề nghị cho phép hoạt động giáo dục", "", 1, 0),
            ("Quyết định thành lập hoặc cho phép thành lập trường", "", 0, 1),
        ],
        applicants=["organisation"],
    ),
    # Y tế
    _s(
        "1.012289",
        "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
        "G07-YT01",
        "province",
        "30cd",
        360000,
        "Giấy phép hành nghề khám bệnh, chữa bệnh",
        [
            ("Đơn đề nghị cấp giấy phép hành nghề", "Mẫu 01 Phụ lục I NĐ 96/2023", 1, 0),
            ("Văn bằng chuyên môn", "", 0, 1),
            ("Giấy chứng nhận đủ sức khỏe hành nghề", "", 1, 0),
        ],
        applicants=["citizen", "foreigner"],
    ),
    # Bảo hiểm y tế (ngành dọc: Bảo hiểm xã hội)
    _s(
        "1.002048",
        "Cấp lại, đổi thẻ bảo hiểm y tế",
        "G11-BH01",
        "vertical",
        "3d",
        0,
        "Thẻ bảo hiểm y tế",
        [("Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế", "Mẫu TK1-TS", 1, 0)],
        online="full",
        any_boundary=True,
    ),
]

LEVEL_TEXT = {"commune": "Ủy ban nhân dân cấp xã", "vertical": "Công an cấp xã"}
STEPS = {
    # (share of the limit, name, agency kind, role)
    "commune": [
        (
            Decimal("0.05"),
            "Tiếp nhận, kiểm tra hồ sơ",
            AgencyKind.COMMUNE_SERVICE_CENTRE,
            Role.ONE_STOP_OFFICER,
        ),
        (Decimal("0.60"), "Thẩm định hồ sơ, dự thảo kết quả", AgencyKind.DIVISION, Role.SPECIALIST),
        (Decimal("0.25"), "Xem xét, ký duyệt kết quả", AgencyKind.PEOPLES_COMMITTEE, Role.AGENCY_LEADER),
        (Decimal("0.10"), "Trả kết quả", AgencyKind.COMMUNE_SERVICE_CENTRE, Role.ONE_STOP_OFFICER),
    ],
    "province": [
        (
            Decimal("0.05"),
            "Tiếp nhận, kiểm tra hồ sơ",
            AgencyKind.PROVINCIAL_SERVICE_CENTRE,
            Role.ONE_STOP_OFFICER,
        ),
        (Decimal("0.50"), "Thẩm định hồ sơ", AgencyKind.DIVISION, Role.SPECIALIST),
        (Decimal("0.15"), "Lãnh đạo phòng xem xét", AgencyKind.DIVISION, Role.DIVISION_HEAD),
        (Decimal("0.20"), "Lãnh đạo Sở ký duyệt", AgencyKind.DEPARTMENT, Role.AGENCY_LEADER),
        (Decimal("0.10"), "Trả kết quả", AgencyKind.PROVINCIAL_SERVICE_CENTRE, Role.ONE_STOP_OFFICER),
    ],
    "vertical": [
        (
            Decimal("0.10"),
            "Tiếp nhận, kiểm tra hồ sơ",
            AgencyKind.COMMUNE_SERVICE_CENTRE,
            Role.ONE_STOP_OFFICER,
        ),
        (Decimal("0.60"), "Giải quyết hồ sơ", AgencyKind.VERTICAL_SECTOR, Role.SPECIALIST),
        (Decimal("0.20"), "Phê duyệt", AgencyKind.VERTICAL_SECTOR, Role.AGENCY_LEADER),
        (Decimal("0.10"), "Trả kết quả", AgencyKind.COMMUNE_SERVICE_CENTRE, Role.ONE_STOP_OFFICER),
    ],
}


def load() -> dict[str, int]:
    """Create the demo catalog; running it again changes nothing."""
    for code, name, body in SECTORS:
        services.save_sector(actor=None, code=code, name=name, managing_body=body)
    services.load_synonyms(actor=None)
    for number, (sector, _name, _body) in enumerate(SECTORS, start=101):
        _publish_sector(sector, number)
    calendar = installation_calendar(EFFECTIVE)
    for spec in PROCEDURES:
        procedure = Procedure.objects.get(national_code=spec.code)
        _apply(spec, procedure)
        _process(spec, procedure, calendar)
    _control_officers_use_the_admin()
    return {
        "procedures": Procedure.objects.count(),
        "decisions": PublicationDecision.objects.count(),
        "synonyms": Synonym.objects.count(),
    }


def _publish_sector(sector: str, number: int) -> None:
    waiting = []
    for spec in (s for s in PROCEDURES if s.sector == sector):
        procedure = Procedure.objects.filter(national_code=spec.code).first()
        if procedure is None or selectors.latest_version(procedure) is None:
            waiting.append(services.save_draft(actor=None, content=_content(spec)).procedure)
    if not waiting:
        return
    decision_number = f"{number}/QĐ-UBND"
    suffix = 1
    while PublicationDecision.objects.filter(number=decision_number).exists():
        suffix += 1
        decision_number = f"{number}.{suffix}/QĐ-UBND"
    sector_name = next(name for code, name, _body in SECTORS if code == sector)
    services.issue_publication_decision(
        actor=None,
        number=decision_number,
        signed_on=SIGNED,
        signer="Chủ tịch UBND tỉnh Minh Sơn",
        title=f"Công bố danh mục thủ tục hành chính lĩnh vực {sector_name} áp dụng tại tỉnh Minh Sơn",
        effective_from=EFFECTIVE,
        legal_documents=LEGAL_DOCUMENTS[sector],
        legal_effective_on=EFFECTIVE,
        issuer=Agency.objects.filter(code="000.00.00.H99").first(),
        publish=waiting,
        # One decision is posted late, so that the service index has something to show.
        posted_on=date(2025, 7, 2) if sector == "G06-DD01" else POSTED,
    )


def _content(spec: Spec) -> dict:
    amount, unit = _limit(spec.limit)
    level = "province" if spec.level == "province" else "commune"
    agency = LEVEL_TEXT.get(spec.level, "Sở quản lý ngành, lĩnh vực tỉnh Minh Sơn")
    channels = [
        {"channel": "direct", "time_limit": amount, "time_unit": unit, "fee": spec.fee, "description": ""}
    ]
    if spec.online != "none":
        channels.append(
            {
                "channel": "online",
                "time_limit": amount,
                "time_unit": unit,
                "fee": spec.fee // 2,
                "description": "Giảm 50% phí, lệ phí khi nộp trực tuyến",
            }
        )
    channels.append(
        {
            "channel": "postal",
            "time_limit": amount,
            "time_unit": unit,
            "fee": spec.fee,
            "description": "Cước dịch vụ bưu chính do người nộp chi trả",
        }
    )
    documents = [
        {"name": n, "form_name": f, "originals": o, "copies": c, "mandatory": True, "condition": ""}
        for n, f, o, c in spec.documents
    ]
    documents += [
        {"name": n, "form_name": "", "originals": 0, "copies": 1, "mandatory": False, "condition": cond}
        for n, cond in spec.conditional
    ]
    return {
        "national_code": spec.code,
        "name": spec.name,
        "sector": spec.sector,
        "levels": [level],
        "procedure_type": "not_routed",
        "implementing_agency": agency,
        "competent_agency": agency,
        "delegated_agency": "",
        "supporting_agency": "",
        "sequence": (
            "Bước 1: Tổ chức, cá nhân nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến.\n"
            "Bước 2: Công chức tiếp nhận kiểm tra hồ sơ; hồ sơ đầy đủ thì cấp Giấy tiếp nhận "
            "hồ sơ và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung một lần.\n"
            "Bước 3: Cơ quan có thẩm quyền giải quyết hồ sơ.\nBước 4: Trả kết quả theo cách thức đã đăng ký."
        ),
        "applicants": spec.applicants,
        "result": spec.result,
        "fees": "Không thu phí, lệ phí" if spec.fee == 0 else f"{spec.fee:,} đồng/hồ sơ".replace(",", "."),
        "requirements": spec.requirements,
        "legal_basis": LEGAL_DOCUMENTS[spec.sector],
        "online_level": spec.online,
        "vertical_sector": spec.level == "vertical",
        "any_boundary": spec.any_boundary,
        "notes": "",
        "channels": channels,
        "documents": documents,
    }


def _limit(text: str) -> tuple[str, str]:
    for unit in ("cd", "d", "h"):
        if text.endswith(unit):
            return text[: -len(unit)], unit
    raise ValueError(text)


def _apply(spec: Spec, procedure: Procedure) -> None:
    codes = COMMUNE_COMMITTEES if spec.level == "commune" else [SECTOR_AGENCY[spec.sector]]
    for agency in Agency.objects.filter(code__in=codes):
        services.apply_procedure(actor=None, procedure=procedure, agency=agency)


def _process(spec: Spec, procedure: Procedure, calendar) -> None:
    """Split the legal limit over the usual steps, in half working hours, never above the limit."""
    limit = VersionChannel.objects.filter(
        version=selectors.version_in_force(procedure, EFFECTIVE), channel="direct"
    ).first()
    allowed_hours = Decimal(limit_office_time(limit, calendar).total_seconds()) / 3600
    if limit.time_unit == "cd":
        allowed_hours = allowed_hours * 5 / 7  # calendar days also hold weekends
    steps = []
    for share, name, kind, role in STEPS[spec.level]:
        hours = max(Decimal("0.5"), (allowed_hours * share * 2).to_integral_value(rounding="ROUND_FLOOR") / 2)
        steps.append(
            {"name": name, "agency_kind": kind, "role": role, "duration": hours, "duration_unit": "h"}
        )
    services.save_process(
        actor=None, procedure=procedure, name=f"Quy trình nội bộ: {spec.name}"[:255], steps=steps
    )


def _control_officers_use_the_admin() -> None:
    """The catalog's back office is the admin: demo control officers get staff access to it."""
    from motcua.org.models import User

    ids = RoleAssignment.objects.filter(role=Role.CONTROL_OFFICER).values("user")
    User.objects.filter(pk__in=ids, is_staff=False).update(is_staff=True)
