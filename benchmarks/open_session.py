"""Open parting on one stored session, the way "Resume" does: `open_session.py DATA_DIR ID`."""

import sys
from pathlib import Path

from store import SessionStore
from tui.app import PartingApp

if __name__ == "__main__":
    store = SessionStore.open(Path(sys.argv[1]), app_instance=True)
    try:
        PartingApp(store=store, session_id=sys.argv[2]).run()
    finally:
        store.close()
