"""The app and the command line given hostile or unusual input: huge, escaped, unreadable."""
