/** Wire stories written for these tests (our own text), in the layouts agencies file them. */

export const WIRE_FILE = `Slug: port-strike-lisbon
Dockworkers end three-day strike at Lisbon port
By Rita Alves and Tom Berg
LISBON, March 3 (Harbour Wire Service) — Dockworkers at the port of
Lisbon returned to work on Tuesday after a three-day strike over shift
patterns, the union said.

Cargo ships that had waited offshore began unloading by midday.

* Talks on pay resume next week.
----
Wind farm approved off the northern coast
BERLIN (AP) — Regulators approved a 40-turbine wind farm on Friday.

The project is due to start producing power in 2028.
\f
Storm closes mountain pass
GENEVA, Feb. 30 (Alpine Press) — A pass closed.
----
----

Museum reopens its east wing
The renovation took two years and cost less than planned.
`

/** The same first story with its text revised, as an agency refiles it. */
export const WIRE_REFILED = `Slug: port-strike-lisbon
Dockworkers end three-day strike at Lisbon port (refile)
LISBON, March 3 (Harbour Wire Service) — Dockworkers returned to work on Tuesday.
`
