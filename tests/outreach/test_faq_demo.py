"""The demo Q&A loads on top of the demo organisation and loading it again changes nothing."""

from motcua.demo import faq, org
from motcua.outreach.models import Faq, FaqTopic
from motcua.outreach.selectors import published_faqs


def test_demo_faq_is_idempotent_and_searchable(db):
    org.load()
    first = faq.load()
    assert faq.load() == first == {"faq": 11}
    assert FaqTopic.objects.count() == 3
    assert Faq.objects.filter(published=True).count() == 11
    assert [f.question for f in published_faqs("tet nguyen dan")] == [
        "Dịp Tết Nguyên đán, Trung tâm Phục vụ hành chính công có làm việc không?"
    ]


def test_demo_faq_needs_the_demo_organisation(db):
    assert faq.load() == {"faq": 0}
