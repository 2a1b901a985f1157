"""The live server the browser tests use answers on several threads but
shares one in-memory SQLite connection between them, so two requests at once
(the editor's page and its background calls, a page and its preview) can
interleave their transactions: "no such savepoint". In the test settings
this middleware, outermost, lets one request in at a time. It costs nothing
to the single-threaded test client, and production never loads it. The lock
is re-entrant: Wagtail's preview answers a request inside a request, on the
same thread."""

import threading

request_lock = threading.RLock()


def one_request_at_a_time(get_response):
    def middleware(request):
        with request_lock:
            return get_response(request)

    return middleware
