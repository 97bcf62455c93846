from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", auth_views.LoginView.as_view(authentication_form=views.LoginForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("to-chuc/", include("motcua.org.urls")),
    path("lich-lam-viec/", include("motcua.workdays.urls")),
    path("kiem-soat/", include("motcua.control.urls")),
    path("tuyen-truyen/", include("motcua.outreach.urls")),
    path("thu-tuc/", include("motcua.catalog.urls")),
    path("ho-so/", include("motcua.dossiers.urls")),
    path("tich-hop/", include("motcua.integrations.urls")),
    path("tai-khoan/", include("motcua.accounts.urls")),
    path("dich-vu-cong/", include("motcua.portal.urls")),
    path("danh-gia/", include("motcua.evaluation.urls")),
    path("phan-anh/", include("motcua.feedback.urls")),
    path("chi-so-phuc-vu/", include("motcua.serviceindex.urls")),
    path("ra-soat/", include("motcua.review.urls")),
    path("sang-kien/", include("motcua.contest.urls")),
    path("api/v1/", include("motcua.catalog.api_urls")),
    path("api/v1/", include("motcua.dossiers.api_urls")),
    path("api/v1/", include("motcua.feedback.api_urls")),
    path("api/v1/", include("motcua.serviceindex.api_urls")),
    path("api/v1/", include("motcua.review.api_urls")),
    path("api/v1/", include("motcua.contest.api_urls")),
    path("api/v1/", include("motcua.outreach.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("quan-tri/", admin.site.urls),
    path("", include("motcua.core.urls")),
]
handler403 = "motcua.core.access.permission_denied"
# The database unreachable is a 503 with Retry-After even when met outside a view (core.boundary).
# Under /api/ a URL no route matches is JSON in the API's error shape (core.api).
handler404 = "motcua.core.api.page_not_found"
handler500 = "motcua.core.boundary.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
