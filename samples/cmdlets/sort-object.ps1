# Sorting values, strings (case-insensitive) and by several keys.
5, 3, 9, 1 | Sort-Object
5, 3, 9, 1 | Sort-Object -Descending
'pear', 'Apple', 'fig' | Sort-Object
'pear', 'Apple', 'fig' | Sort-Object Length, { $_ }
3, 1, 3, 2, 1 | Sort-Object -Unique
