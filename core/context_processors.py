from .reader_preferences import reader_preferences_from_request


def reader_preferences(request):
    return {"reader_preferences": reader_preferences_from_request(request)}
