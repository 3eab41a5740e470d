"""Base image recommendation: which tags of a base keep its meaning, and how to rank them."""
