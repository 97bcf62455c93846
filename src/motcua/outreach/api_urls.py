"""/api/v1/outreach/…"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import (
    ArticleViewSet,
    CourseViewSet,
    CoverageView,
    FaqViewSet,
    QuestionViewSet,
    ReadingPointViewSet,
)

router = SimpleRouter()
router.register("outreach/articles", ArticleViewSet, basename="outreach-article")
router.register("outreach/faqs", FaqViewSet, basename="outreach-faq")
router.register("outreach/questions", QuestionViewSet, basename="outreach-question")
router.register("outreach/reading-points", ReadingPointViewSet, basename="outreach-reading-point")
router.register("outreach/training-courses", CourseViewSet, basename="outreach-course")
urlpatterns = [
    *router.urls,
    path("outreach/training-coverage/", CoverageView.as_view(), name="outreach-training-coverage"),
]
