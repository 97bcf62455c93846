from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("ket-qua/<int:pk>/", views.public_item, name="public_item"),
    path("gui/", views.send, name="send"),
    path("da-gui/", views.sent, name="sent"),
    path("tra-cuu/", views.track, name="track"),
    path("tra-cuu/<int:pk>/", views.tracked, name="tracked"),
    path("tra-cuu/<int:pk>/bo-sung/", views.supplement, name="supplement"),
    path("<int:pk>/y-kien/", views.vote, name="vote"),
    path("cua-toi/", views.mine, name="mine"),
    path("can-bo/", views.queue, name="queue"),
    path("can-bo/nhap/", views.record, name="record"),
    path("can-bo/<int:pk>/", views.item, name="item"),
    path("can-bo/<int:pk>/<slug:action>/", views.act, name="act"),
]
