"""hotpy's `concurrent` package: holds only `concurrent.futures`."""
