# Selected properties print as a table; numbers are right-aligned.
[pscustomobject]@{ Name = 'Ann'; Age = 31; City = 'Oslo' },
[pscustomobject]@{ Name = 'Bob'; Age = 25; City = 'Rome' } | Select-Object Name, Age
