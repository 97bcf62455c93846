"""/api/v1/review/…"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import ReviewViewSet, SummaryView
from .drafts.api import DraftCountsView, DraftViewSet
from .inspections.api import InspectionViewSet, MisconductViewSet

router = SimpleRouter()
router.register("review/reviews", ReviewViewSet, basename="review")
router.register("review/drafts", DraftViewSet, basename="review-draft")
router.register("review/inspections", InspectionViewSet, basename="review-inspection")
router.register("review/misconduct", MisconductViewSet, basename="review-misconduct")
urlpatterns = [
    path("review/summary/", SummaryView.as_view(), name="review-summary"),
    path("review/drafts/counts/", DraftCountsView.as_view(), name="review-draft-counts"),
    *router.urls,
]
