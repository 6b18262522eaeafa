"""Guides live under their country: /countries/<ISO3>/guide/...; the overview under /guides/."""

from django.urls import path

from . import views

app_name = "guides"

guide = "countries/<str:iso3>/guide"

urlpatterns = [
    path(f"{guide}/", views.guide_detail, name="detail"),
    path("countries/<str:iso3>/guide.pdf", views.guide_pdf, name="pdf"),
    path("countries/<str:iso3>/guide.docx", views.guide_docx, name="docx"),
    path(f"{guide}/editions/", views.edition_list, name="editions"),
    path(f"{guide}/editions/compare/", views.edition_compare, name="compare"),
    path(f"{guide}/editions/<int:number>/", views.edition_detail, name="edition"),
    path(f"{guide}/editions/<int:number>/endorsed/", views.edition_endorsed, name="endorsed"),
    path(f"{guide}/editions/<int:number>.pdf", views.edition_pdf, name="edition_pdf"),
    path(f"{guide}/editions/<int:number>/decision/", views.edition_decide, name="decide"),
    path(f"{guide}/editions/<int:number>/publish/", views.edition_publish, name="publish"),
    path(f"{guide}/edit/", views.workspace, name="workspace"),
    path(f"{guide}/edit/start/", views.guide_start, name="start"),
    path(f"{guide}/edit/step/", views.guide_step, name="step"),
    path(f"{guide}/edit/text/", views.text_edit, name="text"),
    path(f"{guide}/edit/contents/", views.contents_edit, name="contents"),
    path(f"{guide}/edit/preview/", views.guide_preview, name="preview"),
    path(f"{guide}/edit/<slug:part>/new/", views.part_edit, name="part_create"),
    path(f"{guide}/edit/<slug:part>/<int:pk>/", views.part_edit, name="part_edit"),
    path(f"{guide}/edit/<slug:part>/<int:pk>/delete/", views.part_delete, name="part_delete"),
    path(f"{guide}/history/", views.guide_history, name="history"),
    path("guides/", views.timeline, name="timeline"),
]
