"""Demo content for development and browser tests. Sits at the top of the
layers (it may import every app); never runs under production settings."""
