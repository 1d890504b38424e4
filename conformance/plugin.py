"""Former location of the pytest plugin, kept for installs whose ``pytest11`` entry point predates the harness package.

A fresh ``pip install`` registers ``conformance.harness.plugin`` directly; this alias goes when no install needs it.
"""

import sys

from conformance.harness import plugin

sys.modules[__name__] = plugin
