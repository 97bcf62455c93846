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

from .drafts import views as draft_views  # noqa: E402

urlpatterns += [
    path("du-thao/", draft_views.register, name="drafts"),
    path("du-thao/tai-ve.xlsx", draft_views.register_xlsx, name="drafts_xlsx"),
    path("du-thao/<int:pk>/", draft_views.draft, name="draft"),
    path("du-thao/thu-tuc/<int:pk>/", draft_views.assessment, name="draft_assessment"),
    path(
        "du-thao/thu-tuc/<int:pk>/danh-gia-tac-dong.pdf",
        draft_views.assessment_pdf,
        name="draft_assessment_pdf",
    ),
]

from .inspections import views as inspection_views  # noqa: E402

urlpatterns += [
    path("kiem-tra/", inspection_views.inspections, name="inspections"),
    path("kiem-tra/<int:pk>/", inspection_views.inspection, name="inspection"),
    path("kiem-tra/<int:pk>/bien-ban.pdf", inspection_views.minutes_pdf, name="inspection_minutes_pdf"),
    path("kiem-tra/<int:pk>/bien-ban.xlsx", inspection_views.minutes_xlsx, name="inspection_minutes_xlsx"),
    path(
        "kiem-tra/kien-nghi/<int:pk>/<slug:action>/",
        inspection_views.follow_up,
        name="recommendation_follow_up",
    ),
    path("vi-pham/", inspection_views.misconduct, name="misconduct"),
]
