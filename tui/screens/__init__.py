"""One screen per job: home, the two flows, history, reminders, insights, help."""

from pathlib import Path

_STYLES = Path(__file__).resolve().parent.parent / "styles"


def styles(name: str) -> Path:
    """A screen's own stylesheet, read the first time the screen is shown.

    The app's stylesheet holds only what every screen shares and the home screen's rules:
    start-up then matches the home screen against those few rules, not every screen's.
    """
    return _STYLES / f"{name}.tcss"


def all_styles() -> list[Path]:
    """Every screen's stylesheet, in a fixed order."""
    return sorted(_STYLES.glob("*.tcss"))
