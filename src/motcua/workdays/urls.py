from django.urls import path

from . import views

app_name = "workdays"
urlpatterns = [
    path("", views.year_calendar, name="year"),
    path("<int:year>/", views.year_calendar, name="year_detail"),
]
