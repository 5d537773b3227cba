"""Bluebook Desktop: fill, store and print the yearly 绩效目标责任书（蓝皮书）."""

__version__ = "0.1.0"
APP_NAME = "BluebookDesktop"
DISPLAY_NAME = "绩效目标责任书填报"
