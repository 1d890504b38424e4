"""The harness: turns suites into pytest items, runs them against targets and records the results."""
