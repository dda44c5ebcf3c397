# Strings print where they arrive without ending the table; an object with other properties
# still joins the first table, under the first object's columns.
[pscustomobject]@{ a = 1 }
'between'
[pscustomobject]@{ a = 2 }
42
