"""/api/v1/contest/…"""

from rest_framework.routers import SimpleRouter

from .api import ContestViewSet, GoodModelViewSet, OwnEntryViewSet

router = SimpleRouter()
router.register("contest/contests", ContestViewSet, basename="contest")
router.register("contest/entries", OwnEntryViewSet, basename="contest-entry")
router.register("contest/good-models", GoodModelViewSet, basename="contest-good-model")
urlpatterns = router.urls
