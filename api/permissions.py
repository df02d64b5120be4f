"""What a key may read: what its owner may see in the application, and nothing may be written."""

from rest_framework import permissions


class CanViewAsInTheApplication(permissions.BasePermission):
    """Reads only, by people whose role has the view permission the matching page checks
    (the view's ``permission_required``, e.g. ``stakeholders.view_organization``)."""

    def has_permission(self, request, view):
        if request.method not in permissions.SAFE_METHODS:
            return False
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(view.permission_required))
