# Join-Path and Split-Path work on path text.
Join-Path 'usr' 'local'
Join-Path '/usr/' '/bin'
Join-Path a b c d
Split-Path '/var/log/syslog.1'
Split-Path '/var/log/syslog.1' -Leaf
Split-Path 'archive.tar.gz' -LeafBase
Split-Path 'archive.tar.gz' -Extension
Split-Path '/etc' -IsAbsolute
Split-Path 'etc' -IsAbsolute
