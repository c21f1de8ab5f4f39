"""Tasks: the model, the rules (TaskService), the list queries and the REST routes."""
