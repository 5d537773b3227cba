"""The one kind of error a user is shown: plain words, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and act on.

    `template` is the message in the program's own language (Chinese), with {named}
    parameters; the window passes it through Qt's translator before formatting, the
    command line prints it as it is.
    """

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template)
        self.template = template
        self.params = params

    def render(self, template: str) -> str:
        """The message made from `template` (this error's own, or its translation)."""
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.render(self.template)


# What the system's error numbers mean for a clerk. The system's own text ("Is a directory",
# or the same in the system's language) is never shown: it may not be Chinese at all.
_OS_REASONS = {
    "ENOENT": "文件或文件夹不存在",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一部分不是文件夹",
    "EACCES": "没有权限",
    "EPERM": "没有权限",
    "EROFS": "磁盘是只读的",
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "磁盘配额已用完",
    "EFBIG": "文件过大",
    "ENAMETOOLONG": "文件名或路径过长",
    "EBUSY": "文件正被其他程序使用",
    "ETXTBSY": "文件正被其他程序使用",
    "EIO": "读写磁盘时出错",
    "EEXIST": "文件已存在",
    "ELOOP": "路径中的链接过多（可能是循环链接）",
    "EMFILE": "打开的文件过多",
    "ENFILE": "打开的文件过多",
    "ENXIO": "设备不存在",
    "ENODEV": "设备不存在",
    "EINVAL": "文件名或路径无效",
    "EXDEV": "不能跨磁盘移动",
    "ESTALE": "网络文件已失效",
}
# Windows' own codes (winerror), where they say more than errno does.
_WINDOWS_REASONS = {
    5: "没有权限",
    32: "文件正被其他程序使用",
    33: "文件正被其他程序锁定",
    112: "磁盘空间不足",
    123: "文件名或路径无效",
    206: "文件名或路径过长",
}


def os_reason(exc: BaseException) -> str:
    """An OSError in plain words (磁盘空间不足 …), never the system's own English text."""
    import errno

    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINDOWS_REASONS:
        return _WINDOWS_REASONS[winerror]
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        name = errno.errorcode.get(number, "")
        if name in _OS_REASONS:
            return _OS_REASONS[name]
        return f"系统错误（代码 {number}）"
    return "系统错误"
