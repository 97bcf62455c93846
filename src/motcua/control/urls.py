from django.urls import path, re_path

from . import views

app_name = "control"
urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("ke-hoach/moi/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/sua/", views.plan_edit, name="plan_edit"),
    path("ke-hoach/<int:pk>/ban-hanh/", views.plan_issue, name="plan_issue"),
    path("ke-hoach/<int:pk>/ket-thuc/", views.plan_close, name="plan_close"),
    path("ke-hoach/<int:pk>/xay-dung/", views.plan_derive, name="plan_derive"),
    path("ke-hoach/<int:pk>/chi-tieu/moi/", views.target_create, name="target_create"),
    path("ke-hoach/<int:pk>/nhiem-vu/moi/", views.task_create, name="task_create"),
    path("ke-hoach/<int:pk>/bao-cao/moi/", views.request_create, name="request_create"),
    path("chi-tieu/<int:pk>/", views.target_detail, name="target"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/tiep-nhan/", views.task_accept, name="task_accept"),
    path("ky/<int:pk>/bao-cao/", views.occurrence_report, name="occurrence_report"),
    path("ky/<int:pk>/don-doc/", views.occurrence_urge, name="occurrence_urge"),
    path("bao-cao-tien-do/<int:pk>/duyet/", views.progress_review, name="progress_review"),
    path("viec-cua-toi/", views.my_tasks, name="my_tasks"),
    path("bao-cao/", views.request_list, name="requests"),
    path("bao-cao/<int:pk>/", views.request_detail, name="request"),
    re_path(r"^bao-cao/(?P<pk>\d+)/tai-ve\.(?P<fmt>xlsx|pdf)$", views.request_export, name="request_export"),
    path("bao-cao/<int:pk>/co-quan/<int:agency_pk>/", views.report_fill, name="report"),
    re_path(
        r"^bao-cao/(?P<pk>\d+)/co-quan/(?P<agency_pk>\d+)/tai-ve\.(?P<fmt>xlsx|pdf)$",
        views.report_export,
        name="report_export",
    ),
    path("tong-quan/", views.dashboard, name="dashboard"),
    path("tong-quan/co-quan/<int:pk>/", views.dashboard_agency, name="dashboard_agency"),
    path("thi-dua/", views.scorecard, name="scorecard"),
    path("nhac-viec/", views.reminder_log, name="reminders"),
]
