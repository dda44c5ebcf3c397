# Five properties or more make a list.
[pscustomobject]@{ Name = 'srv1'; Cores = 8; Memory = 32; Os = 'Linux'; Up = $true }
