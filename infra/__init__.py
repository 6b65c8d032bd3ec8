"""Runtime infrastructure shared by every feature: outbound HTTP, task leases, ..."""
