"""Image references and, later, the registry client that resolves them."""
