# Group-Object's default view: Count, Name and Group.
'x', 'y', 'x', 'z', 'x' | Group-Object
