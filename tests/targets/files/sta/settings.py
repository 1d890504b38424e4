"""Minimal Django project for django-ogc-sensorthings 1.2.0 (SensorThings API 1.1) on SQLite.

A template: the fixture replaces @WORKDIR@ with the absolute work folder and @PORT@ with the uvicorn port and
writes the result as <workdir>/staproj/settings.py.
"""

from uuid import UUID

SECRET_KEY = "offline-test-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "sensorthings.versions.v1_1",
    "sensorthings.versions.v1_1.backends.django",
]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "staproj.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "@WORKDIR@/sta.sqlite3"}}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SENSORTHINGS_V1_1_SERVICE_URL = "http://127.0.0.1:@PORT@/sensorthings"
SENSORTHINGS_V1_1_BACKEND_ADAPTER = "sensorthings.versions.v1_1.backends.django.adapter.DjangoBackendAdapter"
SENSORTHINGS_V1_1_ID_TYPE = UUID
SENSORTHINGS_V1_1_ID_DELIMITER = "'"
