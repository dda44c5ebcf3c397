# A script that does not parse runs nothing; pwsh shows the first error only and exits with 1.
"never printed"
if ($x {
  "inside"
}
$y = 1 +
