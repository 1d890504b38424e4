"""Reading OpenAPI 3.0/3.1 descriptions, shared by every suite that judges an API by its description.

``refs.py`` resolves ``$ref`` (JSON pointers, chains, cycles; other documents only through an offline loader),
``responses.py`` says which entry of a Responses Object documents a status code.
"""
