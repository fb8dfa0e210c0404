"""``python -m peristiwa`` runs the CLI."""

from .cli import main

main()
