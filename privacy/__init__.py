"""Duties under PIPA shared by every feature that holds personal data (counseling now,
applications next): a recorded reason for each export or download (docs/public-duties.md)."""
