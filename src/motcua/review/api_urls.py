"""/api/v1/review/…"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import ReviewViewSet, SummaryView

router = SimpleRouter()
router.register("review/reviews", ReviewViewSet, basename="review")
urlpatterns = [path("review/summary/", SummaryView.as_view(), name="review-summary"), *router.urls]
