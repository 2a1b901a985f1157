from django.utils.cache import add_never_cache_headers


class PrivatePagesNoStoreMiddleware:
    """Nothing shown to a signed-in person is kept by the browser or a proxy:
    the next person at a shared computer cannot go Back into it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
