"""The core: models, outcomes, configuration, safe HTTP and XML I/O, packs. It imports no suite."""
