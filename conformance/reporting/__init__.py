"""Reports: pure functions from a results file (a ResultsFile) to html, md, csv, json and junit."""
