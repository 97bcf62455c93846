"""The National Public Service Portal adapter: mapping (the one shape), client (plugins), simulator, sync."""
