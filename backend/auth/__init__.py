"""Accounts: users, password hashing, JWTs in an HttpOnly cookie or a Bearer header, CSRF."""
