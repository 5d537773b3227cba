"""What many tests share: the fixture files, typing Chinese, opening a window."""
