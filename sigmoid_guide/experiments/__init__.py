"""Experiments behind the guide's claims: pure, seeded functions returning plain data.

Each module exposes a ``run(...)`` style function whose result is a frozen dataclass of
NumPy arrays and floats. Nothing here draws or times anything; figures are in
:mod:`sigmoid_guide.figures`.
"""
