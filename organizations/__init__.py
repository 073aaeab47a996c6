"""Baza NGO: the city's registry of organizations.

Keeping it true
===============

* Organizations update their own entry without accounts: "Zaktualizuj dane"
  on the entry's page sends a one-time link (`UpdateLink`: a random token
  of which only the hash is stored, single use, 7 days, bound to the
  entry's public e-mail address) to that address only. The form behind it
  makes an `OrganizationChange`: a kind of the editorial core whose
  approval writes exactly the chosen fields to the entry through the core
  (a version and a history entry), and whose rejection keeps the reason;
  the organization hears the outcome by e-mail (`organizations.self_service`,
  `organizations.services`, `organizations.notifications`).
* Once a year (`manage.py send_confirmation_reminders`, daily from cron)
  an organization whose data was confirmed more than 12 months ago is
  asked to confirm it ("Dane aktualne": one signed click, no login) or
  update it; after 24 months its page says "Dane niepotwierdzone od …"
  (`organizations.freshness`, `organizations.links`).

Removed organizations
=====================

"W likwidacji" and "wykreślona z KRS" (with the date) are
`Organization.registry_status`, a field of their own, not states of the
editorial core, because:

* the core's states say what an editor decided about publishing an entry
  (pending, published, withdrawn, rejected); liquidation is a fact about
  the organization in a court register, with a date, which editors copy
  from it. The two vary independently: a struck-off organization's entry
  can still be published (its page explains the removal), withdrawn or
  corrected like any other;
* a removed organization keeps a public page, so under the core it would
  have to be public and not public at once; with the field, "has a page"
  stays the core's `published()` and "is listed" is `listed()` (published
  and active), both defined once in `OrganizationQuerySet`;
* the field is versioned content: a version diff shows when an entry was
  marked removed, and a restore can undo a mistake.

A struck-off entry answers 410 Gone with its page; one in liquidation 200
with a notice; both leave the list, search, OPP list, statistics and
sitemap, and stay in the exports (CSV, JSON, HSDS) with their status.
"""
