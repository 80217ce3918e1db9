"""The plan: its pydantic model, names, the org graph and the per-plan context the checks, charts and diff share."""
