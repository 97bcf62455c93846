"""Portal URLs: online submission (start, four steps, drafts, confirmation) and the document store."""

from django.urls import path

from . import views_store, views_submission

urlpatterns = [
    path("nop/<int:procedure_pk>/", views_submission.start, name="start"),
    path("ho-so-nhap/", views_submission.drafts, name="drafts"),
    path("ho-so-nhap/<int:pk>/buoc-<int:step>/", views_submission.step, name="step"),
    path("ho-so-nhap/<int:pk>/xoa/", views_submission.draft_delete, name="draft_delete"),
    path("ho-so-nhap/<int:pk>/tep/<int:file_pk>/", views_submission.draft_file, name="draft_file"),
    path("da-nop/<int:pk>/", views_submission.submitted, name="submitted"),
    path("kho-du-lieu/", views_store.store_list, name="store"),
    path("kho-du-lieu/<int:pk>/tai-ve/", views_store.store_download, name="store_download"),
    path("kho-du-lieu/<int:pk>/doi-ten/", views_store.store_rename, name="store_rename"),
    path("kho-du-lieu/<int:pk>/xoa/", views_store.store_delete, name="store_delete"),
]
