"""Work for a real child process that fails: module-level, so the spawned child can import it."""


def divide(a, b):
    return a / b  # divide(1, 0): a bug, as a child process meets one


def refuse(path):
    raise PermissionError(13, "Permission denied", path)  # the computer refusing: no bug
