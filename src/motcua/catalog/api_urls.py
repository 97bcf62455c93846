"""/api/v1/: the public catalog API (routes of other apps join here as they arrive)."""

from rest_framework.routers import SimpleRouter

from .api import DecisionViewSet, DraftViewSet, ProcedureViewSet

router = SimpleRouter()
router.register("procedures", ProcedureViewSet, basename="procedure")
router.register("drafts", DraftViewSet, basename="draft")
router.register("decisions", DecisionViewSet, basename="decision")
urlpatterns = router.urls
