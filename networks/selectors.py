"""Reads for the directory and the lead's screens. The directory is small
(dozens of entries): one query reads the approved ones and the nation and
topic filters run on them in memory, the same on SQLite and PostgreSQL."""

from .models import Network


def networks_directory(*, nation: str = "", topic: str = "") -> list[Network]:
    """Approved networks, by name, with the nation and topic asked for."""
    return [
        network
        for network in Network.objects.filter(status=Network.Status.APPROVED)
        if (not nation or nation in network.nations)
        and (not topic or topic in network.topics)
    ]


def network_public_get(*, pk: int) -> Network | None:
    return Network.objects.filter(pk=pk, status=Network.Status.APPROVED).first()


def networks_for_lead(*, status: str) -> list[Network]:
    """One tab of the lead's list: waiting (newest first), shown or hidden."""
    networks = Network.objects.filter(status=status)
    if status == Network.Status.SUGGESTED:
        networks = networks.order_by("-created_at")
    return list(networks)
