"""Models of the evaluation app."""
