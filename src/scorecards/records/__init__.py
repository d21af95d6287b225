"""Case records: the schema of a council's extract, and loading it into the store."""
