"""Open data: every statistics table of the family report as CSV, XLSX and JSON, listed with
DCAT-style metadata, and one zip per edition (docs/public-duties.md)."""
