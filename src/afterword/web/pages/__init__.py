"""The app's pages: one router per page, each a thin shell over the core and the tracker."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every page router, in the order of the navigation."""
    from afterword.web.pages import (
        companies,
        feedback,
        followup,
        guide,
        login,
        reference,
        settings,
        today,
    )

    return [
        today.router,
        followup.router,
        companies.router,
        feedback.router,
        guide.router,
        settings.router,
        login.router,
        reference.router,
    ]
