"""The two flows as lists of steps, and the rules that decide which step comes next."""

from content.flows.base import Field, Flow, Step

FLOWS: dict[str, Flow] = {}


def register(flow: Flow) -> Flow:
    """Make `flow` available by its name ("dropped", "drop")."""
    FLOWS[flow.name] = flow
    return flow


def get_flow(name: str) -> Flow:
    """The flow called `name`; importing the flow modules registers them."""
    if name not in FLOWS:
        # One flow module may have been imported on its own; load the rest too.
        _load_all()
    return FLOWS[name]


def _load_all() -> None:
    import importlib
    import pkgutil

    import content.flows as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "base":
            importlib.import_module(f"content.flows.{info.name}")


__all__ = ["FLOWS", "Field", "Flow", "Step", "get_flow", "register"]
