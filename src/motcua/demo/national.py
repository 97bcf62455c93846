"""Demo sync with the national portal: the demo dossiers' changes sent through the in-process simulator,
a few answered 503 once (they wait for their retry), so the status page shows rates per agency."""

from motcua.integrations.portal import client, sync
from motcua.integrations.portal.simulator import LOCAL

UNANSWERED = 3


def load() -> dict[str, int]:
    LOCAL.clear_faults()  # the simulator lives as long as the process: start from a known state
    LOCAL.fail_next(times=UNANSWERED, status=503)
    sent = sync.push_due(limit=100_000, through=client.SimulatorPlugin())
    LOCAL.clear_faults()  # a second load with nothing to send must not leave 503s for the next sender
    return {"portal sync": sent}
