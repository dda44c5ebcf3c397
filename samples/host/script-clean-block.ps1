# A script file's own clean {} block runs after its end block; its output is discarded, its
# host output is not.
end {
    'end ran'
}
clean {
    'discarded'
    Write-Host 'clean ran'
}
