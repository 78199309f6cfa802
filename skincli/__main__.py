"""Allow `python -m skincli`."""

from skincli.cli import main

if __name__ == "__main__":
    main()
