"""Small socket helpers for servers the tests and benchmarks start on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket


def free_port() -> int:
    """A port nothing listens on now (for servers that need a port before they start)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def wait_listening(host: str, port: int, tries: int = 500) -> None:
    """Return once a TCP connection to ``host:port`` succeeds."""
    for _ in range(tries):
        try:
            _, writer = await asyncio.open_connection(host, port)
        except OSError:
            await asyncio.sleep(0.01)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError(f"nothing listens on {host}:{port}")
