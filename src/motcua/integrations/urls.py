from django.urls import path

from . import views

app_name = "integrations"
urlpatterns = [
    path("kiem-tra-chu-ky-so/", views.verify_signature, name="verify_signature"),
]
