# Objects with up to four properties share one table, sized to the widest cell; numbers align right.
[pscustomobject]@{ Name = 'Ann'; Age = 31 }
[pscustomobject]@{ Name = 'Bob'; Age = 4 }
