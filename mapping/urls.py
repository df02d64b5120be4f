from django.urls import path

from . import views

app_name = "mapping"
urlpatterns = [
    path("mapping/", views.matrix, name="matrix"),
    path("mapping/cell/", views.cell, name="cell"),
    path("mapping/matrix.csv", views.matrix_csv, name="matrix_csv"),
    path("mapping/regions/", views.regions, name="regions"),
]
