from django.urls import path

from . import views

app_name = "integrations"
urlpatterns = [
    path("kiem-tra-chu-ky-so/", views.verify_signature, name="verify_signature"),
    path("trang-thai/", views.adapters, name="status"),
    path("thanh-toan/ipn/", views.payment_ipn, name="payment_ipn"),
    path("thanh-toan/ve/", views.payment_return, name="payment_return"),
    path("trang-thai/gui-lai/", views.resend_failed, name="resend_failed"),
    path("trang-thai/doi-soat/", views.reconcile, name="reconcile"),
    path("trang-thai/doi-soat/gui-lai/", views.resend_selected, name="resend_selected"),
]
