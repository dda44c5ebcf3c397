# Format-List shows every property, labels padded to the longest.
[pscustomobject]@{ Id = 1; DisplayName = 'first'; Tags = 'x', 'y' } | Format-List
[pscustomobject]@{ Id = 2; DisplayName = 'second' } | Format-List -Property DisplayName
