class TaskError(Exception):
    """A task operation that cannot be done; the message is safe to show to the user."""

    status_code = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class TaskNotFound(TaskError):
    status_code = 404

    def __init__(self, task_id: int) -> None:
        super().__init__(f"Task {task_id} not found")
        self.task_id = task_id


class InvalidCursor(TaskError):
    def __init__(self) -> None:
        super().__init__("Invalid or expired cursor: start again from the first page")


class InvalidTask(TaskError):
    """A combination of fields that cannot be (a time without a day), as 422 like any field."""

    status_code = 422
