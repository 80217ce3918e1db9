"""`staffing lsp`: the checker in the editor, as a language server over stdio.  `checker`
is the one way into the checker, `convert` turns findings into the protocol's terms,
`server` answers the editor."""
