"""rebound: a command-line coach for the hour after a job rejection, and the weeks after it."""

__version__ = "0.1.0"
