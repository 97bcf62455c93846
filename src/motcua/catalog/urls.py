from django.urls import path

from . import views, views_import, views_national

app_name = "catalog"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("khong-phu-thuoc-dia-gioi/", views.any_boundary, name="any_boundary"),
    path("mau/<int:document_id>/", views.form_template, name="form_template"),
    path("quan-ly/nhap/", views_import.import_page, name="import"),
    path("quan-ly/nhap/bao-cao.csv", views_import.import_report, name="import_report"),
    path("quan-ly/csdl-quoc-gia/", views_national.national_pull, name="national_pull"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/phieu.pdf", views.procedure_sheet, name="sheet"),
    path("<str:code>/thay-doi/", views.procedure_changes, name="changes"),
]
