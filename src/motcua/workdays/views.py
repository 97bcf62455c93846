from django.http import HttpResponse


def year_calendar(request):
    return HttpResponse("")
