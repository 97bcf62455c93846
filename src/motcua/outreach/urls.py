from django.urls import path

from . import feeds, views, views_bulletin, views_questions, views_reading_points, views_training

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
    # The e-bulletin: public pages and feeds, then the editors' pages.
    path("ban-tin/", views_bulletin.public_list, name="bulletin"),
    path("ban-tin/<int:pk>/", views_bulletin.public_article, name="bulletin_article"),
    path("ban-tin/rss/", feeds.BulletinFeed(), name="bulletin_rss"),
    path("ban-tin/atom/", feeds.BulletinAtomFeed(), name="bulletin_atom"),
    path("ban-tin/tep/<int:pk>/", views_bulletin.media_file, name="bulletin_file"),
    path("ban-tin/quan-ly/", views_bulletin.staff_list, name="articles"),
    path("ban-tin/quan-ly/moi/", views_bulletin.create, name="article_create"),
    path("ban-tin/quan-ly/<int:pk>/", views_bulletin.article, name="article"),
    path("ban-tin/quan-ly/<int:pk>/sua/", views_bulletin.edit, name="article_edit"),
    path("ban-tin/quan-ly/<int:pk>/<slug:action>/", views_bulletin.act, name="article_act"),
    path("ban-tin/quan-ly/thu-vien/", views_bulletin.media, name="bulletin_media"),
    path("diem-doc/", views_reading_points.point_list, name="reading_points"),
    path("diem-doc/<int:pk>/", views_reading_points.point_detail, name="reading_point"),
    # Training: the organisers' pages, the coverage, each official's own certificates.
    path("tap-huan/", views_training.course_list, name="courses"),
    path("tap-huan/moi/", views_training.course_create, name="course_create"),
    path("tap-huan/ty-le/", views_training.coverage, name="training_coverage"),
    path("tap-huan/ty-le.xlsx", views_training.coverage_export, name="training_coverage_xlsx"),
    path("tap-huan/cua-toi/", views_training.mine, name="my_trainings"),
    path("tap-huan/<int:pk>/", views_training.course_detail, name="course"),
    path("tap-huan/<int:pk>/sua/", views_training.course_edit, name="course_edit"),
    path("tap-huan/<int:pk>/hoc-vien.xlsx", views_training.attendance_export, name="course_xlsx"),
    path("tap-huan/<int:pk>/<slug:action>/", views_training.course_act, name="course_act"),
    path("tap-huan/hoc-vien/<int:pk>/xoa/", views_training.attendee_remove, name="attendee_remove"),
    path("tap-huan/hoc-vien/<int:pk>/giay-chung-nhan/", views_training.certificate, name="certificate"),
]
