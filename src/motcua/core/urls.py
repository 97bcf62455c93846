from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("tep/<slug:kind>/<int:pk>/", views.download, name="download"),
]
