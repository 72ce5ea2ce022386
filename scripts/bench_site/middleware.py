"""`X-Bench-Queries`: how many SQL queries a request ran (bench only)."""

from django.db import connection


class QueryCountMiddleware:
    """Counts the queries of the whole request on the default connection, in any DEBUG mode."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response
