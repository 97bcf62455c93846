from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("khong-phu-thuoc-dia-gioi/", views.any_boundary, name="any_boundary"),
    path("mau/<int:document_id>/", views.form_template, name="form_template"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/phieu.pdf", views.procedure_sheet, name="sheet"),
    path("<str:code>/thay-doi/", views.procedure_changes, name="changes"),
]
