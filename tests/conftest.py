"""Shared test setup: hypothesis profiles, paths, and no network."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "fixtures"
SHARED_MISSING = f"../shared is not beside the checkout ({SHARED}); the seed and benchmark files live there"

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("debug", max_examples=10, deadline=None, verbosity=Verbosity.verbose)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """cleaner never downloads anything at run time; a test that tries fails."""

    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted in a test")

    def local_only(sock, address):  # AF_UNIX is not network: the process pool's fork server listens on one
        if sock.family != socket.AF_UNIX:
            refuse()
        return connect(sock, address)

    connect = socket.socket.connect
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", local_only)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(SHARED_MISSING)
    return SHARED


@pytest.fixture(scope="session")
def cleaner():
    from cleaner import Cleaner

    return Cleaner()
