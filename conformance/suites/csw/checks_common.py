"""Findings the CSW checks share."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.messages import Message
from conformance.suites.csw.messages import m
from conformance.suites.csw.service import Answer


def not_document(answer: Answer, request: Message | str, document: Message) -> Violation:
    """An answer that is not the document the request asks for."""
    message = m("answer-not-document", request=request, document=document, actual=answer.what())
    return answer.finding(message, document, answer.what())
