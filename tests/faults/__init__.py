"""The app and the command line under faults: killed windows, full disks, damaged files."""
