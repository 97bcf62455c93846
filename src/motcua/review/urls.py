from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.plans, name="plans"),
    path("ke-hoach/<int:pk>/", views.plan, name="plan"),
    path("ke-hoach/<int:pk>/phe-duyet/", views.approve, name="approve"),
    path("noi-dung/<int:pk>/", views.item, name="item"),
    path("noi-dung/<int:pk>/bat-dau/", views.start, name="start"),
    path("phieu/<int:pk>/", views.review, name="review"),
    path("phieu/<int:pk>/phieu-ra-soat.pdf", views.review_pdf, name="review_pdf"),
    path("tong-hop/", views.summary, name="summary"),
    path("tong-hop/tai-ve.xlsx", views.summary_xlsx, name="summary_xlsx"),
]
