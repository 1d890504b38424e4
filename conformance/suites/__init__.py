"""Conformance suites, one package per standard family; each requirement is a pytest test."""
