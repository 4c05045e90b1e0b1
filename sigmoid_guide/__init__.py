"""sigmoid_guide: exact, fast and strict sigmoid-family activations."""
