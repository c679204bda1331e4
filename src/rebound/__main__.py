"""Allow `python -m rebound`."""

from rebound.cli import main

if __name__ == "__main__":
    main()
