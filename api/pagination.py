"""Pages of the API: a cursor on the id, so the thousandth page costs what the first does."""

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Rows in the order of their id (unique and indexed): deep pages are an index seek, not an OFFSET,
    and rows added while a tool pages through are not counted twice."""

    ordering = "id"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
