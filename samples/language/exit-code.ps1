"before exit"
exit 3
"never printed"
