# A dictionary shows as the Name/Value table, Name 30 columns wide.
[ordered]@{ first = 1; second = 'two'; list = 1, 2, 3, 4, 5 }
