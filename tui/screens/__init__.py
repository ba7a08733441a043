"""One screen per job: home, the two flows, history, reminders, insights, help."""
