from django.urls import path

from . import views

app_name = "dossiers"
urlpatterns = [
    path("", views.queues, name="queues"),
    path("tiep-nhan/", views.reception, name="reception"),
    path("tiep-nhan/thu-tuc/", views.procedure_options, name="procedure_options"),
    path("tim-kiem/", views.search, name="search"),
    path("tra-cuu/", views.track, name="track"),
    path("so-theo-doi/", views.register, name="register"),
    path("chung-thuc-ban-sao/", views.certified_copies, name="certified_copies"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/phieu/<slug:kind>/", views.form_pdf, name="form"),
    path("<int:pk>/thu-phi/", views.payment, name="payment"),
    path("<int:pk>/thu-phi/<int:payment_pk>/bien-lai.pdf", views.payment_receipt, name="payment_receipt"),
    path("<int:pk>/<slug:action>/", views.act, name="act"),
]
