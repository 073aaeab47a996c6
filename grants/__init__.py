"""Konkursy ofert: grant calls for NGOs, from announcement to results, as open data.

See `grants.models` (what is stored), `grants.phases` (the public status,
following from dates), `grants.importing` and `grants.services` (results
from a spreadsheet, previewed, then saved all or nothing), `grants.exports`
(360Giving JSON and CSV).
"""
