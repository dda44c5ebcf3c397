$people = @(
    [pscustomobject]@{ Name = "Ann"; Age = 31 }
    [pscustomobject]@{ Name = "Bob"; Age = 42 }
)
$people.Name
$people.Count
($people | Where-Object Age -gt 35).Name
$people[0].Name.ToUpper()
