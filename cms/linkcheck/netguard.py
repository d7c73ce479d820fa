"""Refuse connections to private, loopback, link-local, reserved and multicast addresses (unless allow-listed).

The check runs on the resolved IP inside aiohttp's connector, so it covers every connection, including the ones
made for redirects, and a DNS name pointing at an internal address is caught as well as an IP literal.
"""

import ipaddress
import socket

from aiohttp.abc import AbstractResolver
from aiohttp.resolver import ThreadedResolver


class BlockedAddressError(OSError):
    """The host resolves to an address the checker must not contact."""


def is_forbidden(address, allowed_networks):
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks if network.version == ip.version):
        return False
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def literal_ip(host):
    """The host as an IP address if it is a literal (aiohttp skips the resolver for those), else None."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class GuardedResolver(AbstractResolver):
    """Resolves through the system resolver and drops every forbidden address; none left means refusal."""

    def __init__(self, allowed_networks):
        self.allowed_networks = allowed_networks
        self._resolver = ThreadedResolver()

    async def resolve(self, host, port=0, family=socket.AF_INET):
        results = await self._resolver.resolve(host, port, family)
        allowed = [r for r in results if not is_forbidden(r["host"], self.allowed_networks)]
        if not allowed:
            raise BlockedAddressError(f"{host} resolves to a private or reserved address")
        return allowed

    async def close(self):
        await self._resolver.close()


def find_blocked(exc):
    """The BlockedAddressError somewhere in an aiohttp exception's chain, if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, BlockedAddressError):
            return exc
        exc = getattr(exc, "os_error", None) or exc.__cause__ or exc.__context__
    return None
