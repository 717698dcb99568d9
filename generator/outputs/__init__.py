"""Files that are not pages: the open data (exports, spreadsheet), the admin form (Decap CMS
configuration and bundle) and CODEOWNERS."""
