from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from members.acting import person_for

from .selectors import dashboard_for


@login_required
def home(request):
    return render(
        request,
        "intranet/home.html",
        dashboard_for(user=request.user, person=person_for(request)),
    )
