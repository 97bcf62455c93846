from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("chua-hai-long/", views.unsatisfied, name="unsatisfied"),
    path("<int:pk>/", views.rate, name="rate"),
]
