"""/api/v1/dossiers/… and /api/v1/auth/token/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from motcua.core.tokens import obtain_auth_token

from .api import DossierViewSet

router = SimpleRouter()
router.register("dossiers", DossierViewSet, basename="dossier")
urlpatterns = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    *router.urls,
]
