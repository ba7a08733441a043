"""`parting serve`: the app in a browser tab, for this machine only (see docs/serve.md)."""
