"""`python -m flows.cli`: the `newsetl` command (how `newsetl run` starts its supervised child)."""

from flows.cli import main

raise SystemExit(main())
