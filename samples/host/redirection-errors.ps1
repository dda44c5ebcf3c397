# A redirection that cannot open its file reports Out-File's error and the script goes on.
"x" > /nonexistent-psh/dir/f.txt
"after"
"kept" > ./out.txt
Get-Content ./out.txt
