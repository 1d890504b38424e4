"""Reports: pure functions from a results file (a Run) to html, md, csv, json and junit."""
