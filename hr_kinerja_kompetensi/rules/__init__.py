"""Pure-Python rules of the domain (no ``odoo`` import).

The ORM models call these functions, and the Odoo-free test suite imports
them directly, so every rule that needs no database is tested on any machine.
Only relative imports are allowed inside this package.
"""
