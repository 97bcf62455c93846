from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("dang-ky/", views.register, name="register"),
    path("xac-minh/", views.verify, name="verify"),
    path("quen-mat-khau/", views.password_reset, name="password_reset"),
    path("quen-mat-khau/nhap-ma/", views.password_reset_code, name="password_reset_code"),
    path("quen-mat-khau/mat-khau-moi/", views.password_reset_new, name="password_reset_new"),
    path("ho-so-ca-nhan/", views.profile, name="profile"),
    path("ho-so-ca-nhan/doi-lien-he/", views.contact_change, name="contact_change"),
    path("ho-so-ca-nhan/xac-minh-lien-he/", views.contact_verify, name="contact_verify"),
    path("don-vi-hanh-chinh/xa/", views.commune_options, name="commune_options"),
    # Single sign-on: both answer 404 while OIDC_RP_CLIENT_ID is empty.
    path("dinh-danh/", views.oidc_login, name="oidc_login"),
    path("dinh-danh/callback/", views.oidc_callback, name="oidc_callback"),
]
