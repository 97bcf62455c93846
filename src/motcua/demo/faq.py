"""Demo Q&A of the Minh Sơn portal from data/faq.json: three topics and the questions citizens ask most
(tracking, online submission, fees, supplements, the Tết schedule, rating), written by outreach's services.
Topics and questions are matched by their text, so loading again changes nothing.
"""

from motcua.catalog.models import Procedure
from motcua.org.models import Agency
from motcua.outreach import services
from motcua.outreach.models import Faq, FaqTopic

from . import records


def load() -> dict[str, int]:
    """Create the demo topics and questions that are missing; returns the counts."""
    data = records.read("faq.json")
    agency = Agency.objects.filter(code=data["agency"]).first()
    if agency is None:  # the demo organisation is not loaded
        return {"faq": 0}
    topics = {}
    for row in data["topics"]:
        topic = FaqTopic.objects.filter(name=row["name"]).first()
        topics[row["name"]] = topic or services.create_faq_topic(
            actor=None, name=row["name"], order=row["order"]
        )
    known = set(Faq.objects.values_list("question", flat=True))
    for position, row in enumerate(data["entries"], start=1):
        if row["question"] in known:
            continue
        code = row.get("procedure")
        services.create_faq(
            actor=None,
            topic=topics[row["topic"]],
            agency=agency,
            question=row["question"],
            answer=row["answer"],
            procedure=Procedure.objects.filter(national_code=code).first() if code else None,
            published=True,
            order=position,
        )
    return {"faq": Faq.objects.count()}
