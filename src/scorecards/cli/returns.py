"""Commands for statutory returns: ``scorecards returns load`` and ``refused``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scorecards.errors import InputError, ScorecardError, problem

ProjectArg = Annotated[
    Path, typer.Argument(help="The project folder (holds scorecard.toml).")
]

returns_app = typer.Typer(
    name="returns",
    help="Load the statutory returns councils produce: SSDA903, CIN census, Annex A.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the ``returns`` commands to ``app``."""
    app.add_typer(returns_app, name="returns")


@returns_app.command("load")
def load(
    project: ProjectArg,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Return files (SSDA903 .csv/.xml, CIN .xml, Annex A "
            ".xlsx) or folders of them."
        ),
    ],
    council: Annotated[
        str | None,
        typer.Option(
            help="Load only this council of files that hold several (their "
            "LA column or LEA number); default: all."
        ),
    ] = None,
    no_rule: Annotated[
        list[str] | None,
        typer.Option("--no-rule", help="Switch a cleaning rule off; repeat for more."),
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Store nothing if any record or file is refused.")
    ] = False,
    show: Annotated[int, typer.Option(help="Refused records to print.")] = 20,
) -> None:
    """Detect the format of each of FILES, load them into PROJECT's store and
    print what was read, stored, cleaned and refused.

    Refused records are kept in the store (list them with `scorecards returns
    refused`), never written beside the input. The run fails only when nothing
    usable remains, or with --strict when anything was refused.
    """
    from scorecards.cli import fail
    from scorecards.cli.records import open_project_store
    from scorecards.returns.cleaning import ALL_RULES, Rule
    from scorecards.returns.load import load_returns

    try:
        rules = set(ALL_RULES)
        for name in no_rule or []:
            if name not in {r.value for r in Rule}:
                known = ", ".join(r.value for r in Rule)
                raise InputError(
                    problem("--no-rule", f"no cleaning rule {name!r}; rules: {known}")
                )
            rules.discard(Rule(name))
        with open_project_store(project) as con:
            summary = load_returns(con, files, council, rules, strict)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    for line in summary.lines(limit=show):
        typer.echo(line)
    typer.echo(f"run {summary.run} done in {summary.seconds:.1f}s")


@returns_app.command("refused")
def refused(
    project: ProjectArg,
    run: Annotated[
        int | None, typer.Option(help="The run to list (default: the latest).")
    ] = None,
    cleaned: Annotated[
        bool, typer.Option(help="Also list records cleaned or dropped by rules.")
    ] = False,
) -> None:
    """List the records the latest load of returns into PROJECT refused, with
    file, row and reason (and with --cleaned, what the cleaning rules did)."""
    from scorecards.cli import fail
    from scorecards.cli.records import open_project_store
    from scorecards.returns.model import Action
    from scorecards.returns.refused import latest_run, outcomes

    actions = list(Action) if cleaned else [Action.REFUSED]
    try:
        with open_project_store(project) as con:
            chosen = run if run is not None else latest_run(con)
            if chosen == 0:
                raise InputError(
                    problem(
                        project,
                        "no returns were loaded yet; run `scorecards "
                        "returns load` first",
                    )
                )
            listed = outcomes(con, chosen, actions)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    for item in listed:
        prefix = (
            "" if item.action is Action.REFUSED else f"{item.action} ({item.rule}) "
        )
        typer.echo(f"{prefix}{item}")
    typer.echo(f"{len(listed)} records in run {chosen}")
