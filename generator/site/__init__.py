"""Running the whole thing: the pipeline (every command's one entry), the configuration
guard, the output scan, the search index, safe build targets and the pokja's review."""
