from django.urls import path

from . import views, views_setup

app_name = "contest"
urlpatterns = [
    path("", views.contest_list, name="list"),
    path("mo-hinh/", views.register, name="register"),
    path("mo-hinh/<int:pk>/", views.good_model, name="good_model"),
    path("cua-toi/", views.mine, name="mine"),
    path("bien-nhan/<str:code>/", views.receipt, name="receipt"),
    path("bien-nhan/<str:code>/pdf/", views.receipt_pdf, name="receipt_pdf"),
    path("quan-ly/", views.manage, name="manage"),
    path("quan-ly/hoi-thi-moi/", views_setup.new, name="new"),
    path("quan-ly/<str:code>/", views.board, name="board"),
    path("quan-ly/<str:code>/thiet-lap/", views_setup.page, name="setup"),
    path("quan-ly/<str:code>/thiet-lap/<slug:part>/", views_setup.post, name="setup_post"),
    path("quan-ly/<str:code>/excel/", views.export, name="export"),
    path("quan-ly/<str:code>/so-nhan-bai/", views.register_export, name="register_export"),
    path("quan-ly/<str:code>/bai/<int:pk>/", views.entry, name="entry"),
    path("quan-ly/<str:code>/bai/<int:pk>/<slug:action>/", views.entry_act, name="entry_act"),
    path("quan-ly/<str:code>/<slug:action>/", views.act, name="act"),
    path("<str:code>/", views.contest_detail, name="detail"),
    path("<str:code>/du-thi/", views.enter, name="enter"),
    path("<str:code>/ket-qua/", views.winners, name="winners"),
]
