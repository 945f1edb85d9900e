"""What the routes read and write through: the store and its workbench companions."""
from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from svidok.link.incidents import build_incident
from svidok.store import Store
from svidok.store.accounts import Accounts
from svidok.store.audit import AuditLog
from svidok.store.queries import IncidentQueries
from svidok.store.review import Reviews
from svidok.store.site_settings import SiteSettings


@dataclass(frozen=True)
class Services:
    store: Store
    accounts: Accounts
    queries: IncidentQueries
    reviews: Reviews
    audit: AuditLog
    settings: SiteSettings

    @classmethod
    def over(cls, store: Store) -> Services:
        return cls(
            store, Accounts(store), IncidentQueries(store), Reviews(store, build_incident), AuditLog(store),
            SiteSettings(store),
        )


def services(request: Request) -> Services:
    """FastAPI dependency: the services the app was created with."""
    found: Services = request.app.state.services
    return found
