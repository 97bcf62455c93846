"""/api/v1/feedback/…"""

from rest_framework.routers import SimpleRouter

from .api import FeedbackViewSet

router = SimpleRouter()
router.register("feedback", FeedbackViewSet, basename="feedback")
urlpatterns = router.urls
