"""The Indeks Inovasi Daerah: per-innovation scores and advice, and the regency's
projection per reporting year."""
