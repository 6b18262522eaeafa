"""What this app does when a network person is handed over or erased (network.signals)."""
