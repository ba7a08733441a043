"""Reusable widgets: the step frame, form fields, draft editors, the breathing pacer."""
