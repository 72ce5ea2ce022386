"""Public pages of positions, one module per concept; positions/urls.py maps them to URLs."""
