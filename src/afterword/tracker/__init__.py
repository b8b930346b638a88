"""The tracker: the one owner of persistence (models, migrations, queries, timing policy).

Nothing is imported here, so the pure modules (policy, matching, records) load without
SQLAlchemy; `afterword.tracking` is the service that the shells call.
"""
