"""Generated documents for tests and benchmarks (XRechnung invoices, xdomea messages of any size)."""
