from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("", views.activity_list, name="activities"),
    path("moi/", views.activity_create, name="activity_create"),
    path("<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("<int:pk>/minh-chung/", views.activity_evidence, name="activity_evidence"),
]
