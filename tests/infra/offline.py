"""Tests never send traffic off this machine: a stand-in for opening a TCP connection."""


def refusing_connection(connections: list):
    """A stand-in for socket.create_connection that records the address asked for and refuses
    it, as an unreachable host would."""

    def create_connection(address, *args, **kwargs):
        connections.append(address)
        raise ConnectionRefusedError(f"{address[0]} is not reachable from tests")

    return create_connection
