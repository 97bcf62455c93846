"""The national portal simulator served over real HTTP in a thread, for the sync tests."""

import threading
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from motcua.integrations.portal.simulator import PortalSimulator


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(simulator: PortalSimulator):
    server = make_server("127.0.0.1", 0, simulator, server_class=_ThreadingServer, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def lgsp_client(url: str, client_id: str, secret: str) -> dict:
    """An adapter's settings taking its bearer token from the simulator's LGSP token endpoint."""
    return {
        "base_url": url,
        "token_url": f"{url}/oauth2/token",
        "client_id": client_id,
        "client_secret": secret,
        "timeout": 2,
    }
