"""Packages beside pyproject.toml: the top-level ``schemas/`` and ``fixtures/`` ship inside the wheel as the
packages ``conformance.schemas`` and ``conformance.fixtures`` (read with importlib.resources). pyproject.toml
cannot map a folder to a package name next to automatic package discovery, so the list is made here."""

from setuptools import find_namespace_packages, setup

DATA = {"conformance.schemas": "schemas", "conformance.fixtures": "fixtures"}

CODE = find_namespace_packages(include=["conformance", "conformance.*"], exclude=["*.__pycache__"])

setup(packages=[*CODE, *DATA], package_dir=DATA)
