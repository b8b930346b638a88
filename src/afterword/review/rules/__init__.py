"""Review rules, one module per family of advice."""
