"""/api/v1/index/…"""

from django.urls import path

from .api import AgencyIndexView, IndexView

urlpatterns = [
    path("index/", IndexView.as_view(), name="api-index"),
    path("index/agencies/<int:pk>/", AgencyIndexView.as_view(), name="api-index-agency"),
]
