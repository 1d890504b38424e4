"""The project's JSON Schemas and pack lock, installed as package data of ``conformance.schemas``."""
