"""URLs of the SensorThings test project: the service root is /sensorthings/v1.1/ (with the trailing slash)."""

from django.urls import include, path

urlpatterns = [path("sensorthings/", include("sensorthings.versions.v1_1.urls"))]
