# Invoke-Expression runs text as script in the current scope.
$expr = '2 * (3 + 4)'
Invoke-Expression $expr
iex '$made = "here"'
$made
