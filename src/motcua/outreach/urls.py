from django.urls import path

from . import views, views_questions

app_name = "outreach"
urlpatterns = [
    path("", views.activity_list, name="activities"),
    path("moi/", views.activity_create, name="activity_create"),
    path("<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("hoi-dap/", views.faq_list, name="faqs"),
    path("hoi-dap/moi/", views.faq_create, name="faq_create"),
    path("hoi-dap/<int:pk>/sua/", views.faq_edit, name="faq_edit"),
    path("hoi-dap/<int:pk>/xoa/", views.faq_delete, name="faq_delete"),
    path("hoi-dap/chu-de/", views.faq_topics, name="faq_topics"),
    path("hoi-dap/chu-de/<int:pk>/sua/", views.faq_topic_edit, name="faq_topic_edit"),
    path("hoi-dap/chu-de/<int:pk>/xoa/", views.faq_topic_delete, name="faq_topic_delete"),
    # Citizens' questions: asked in public, handled by the desk and the agencies.
    path("dat-cau-hoi/", views_questions.ask, name="ask"),
    path("dat-cau-hoi/da-gui/", views_questions.sent, name="question_sent"),
    path("cau-hoi/", views_questions.queue, name="questions"),
    path("cau-hoi/<int:pk>/", views_questions.item, name="question"),
    path("cau-hoi/<int:pk>/<slug:action>/", views_questions.act, name="question_act"),
]
