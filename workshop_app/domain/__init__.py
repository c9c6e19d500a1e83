"""Plain values and rules of a workshop: no Qt, no SQL."""
