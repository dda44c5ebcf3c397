# Compare-Object's results as a table.
Compare-Object 1, 2, 3 2, 3, 4
