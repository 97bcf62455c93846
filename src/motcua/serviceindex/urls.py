from django.urls import path

from . import views

app_name = "serviceindex"
urlpatterns = [
    path("", views.public, name="public"),
    path("xuat-excel/", views.export, name="export"),
    path("quan-ly/", views.dashboard, name="dashboard"),
    path("quan-ly/co-quan/<int:pk>/", views.agency, name="agency"),
    path("quan-ly/co-quan/<int:pk>/<str:code>/<str:part>/", views.rows, name="rows"),
]
