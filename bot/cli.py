"""The `newsbot` command: the bot itself, and the tools around its store."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from bot import render
from bot.app import App, ingest_inputs, open_app, rejected_summary, seed_if_empty
from bot.app import Progress as ProgressFn
from bot.config import ConfigError, Settings, load_settings
from bot.logs import protect_logs
from bot.pictures import pictures_dir, save_picture
from bot.platforms.console.chat import CONSOLE_CALLER, with_local_file
from bot.readers import FEED_SUFFIXES, MAX_FILE_BYTES, InputDefaults, is_url, shown_path
from bot.runner import FrontEndFailed, serve
from handlers.command import parse_command
from handlers.dispatch import dispatch
from handlers.reply import Reply
from handlers.source_import import import_opml, import_reply
from storage.ingest import IngestReport
from storage.queries import export_rows
from storage.sources import list_sources
from stories.extract import parse_datetime
from stories.opml import OpmlError, write_opml

cli = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    # a traceback's local variables include the chat tokens; errors are logged (and masked)
    pretty_exceptions_show_locals=False,
    help="newsbot: stories across outlets, with sources. Without a command: run the bot.",
)
err = Console(stderr=True)
log = logging.getLogger(__name__)

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="config.toml (default: $NEWSBOT_CONFIG)")
]
DbOption = Annotated[
    str | None, typer.Option("--db", help="database URL (default: $NEWSBOT_DATABASE_URL)")
]


@dataclasses.dataclass
class Options:
    config: Path | None = None
    db: str | None = None
    verbose: int = 0

    def settings(self) -> Settings:
        overrides = {"database_url": self.db} if self.db else {}
        try:
            return load_settings(self.config, overrides=overrides)
        except ConfigError as error:
            err.print(f"[red]Configuration error:[/] {error}")
            raise typer.Exit(2) from error


@cli.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    config: ConfigOption = None,
    db: DbOption = None,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="log more (-vv: debug)")
    ] = 0,
) -> None:
    levels = (logging.WARNING, logging.INFO, logging.DEBUG)
    logging.basicConfig(
        level=levels[min(verbose, len(levels) - 1)],
        format="%(message)s",
        handlers=[RichHandler(console=err, show_path=False)],
    )
    protect_logs()
    ctx.obj = Options(config, db, verbose)
    if ctx.invoked_subcommand is None:
        asyncio.run(_run(ctx.obj.settings()))


@cli.command()
def run(ctx: typer.Context) -> None:
    """Run the bot: the configured chat front ends, or the console chat."""
    asyncio.run(_run(ctx.obj.settings()))


async def _run(settings: Settings) -> None:
    async with open_app(settings) as app:
        with _progress("Loading the seed story") as progress:
            report = await seed_if_empty(app, progress)
        if report is not None:
            _print_report(report)
        try:
            await serve(app)
        except ConfigError as error:
            err.print(f"[red]Configuration error:[/] {error}")
            raise typer.Exit(2) from error
        except FrontEndFailed as error:
            # logged, not printed: the log handlers mask the tokens an error message may hold
            log.error("%s", error, exc_info=log.isEnabledFor(logging.INFO))
            raise typer.Exit(1) from error


@cli.command()
def ingest(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="files, folders, feed or page URLs")],
    outlet: Annotated[
        str | None, typer.Option(help="outlet for items that do not name one")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="publication date (ISO) for items without one")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="processes preparing articles (default: ingest.workers)")
    ] = None,
) -> None:
    """Ingest articles: .txt/.md (+ .meta.toml sidecar), .html, .jsonl, saved feeds
    (.rss, .atom, .xml, .json), feed and page URLs."""
    when = None
    if published:
        when = parse_datetime(published)
        if when is None:
            err.print(f"[red]--published {published!r} is not an ISO date.[/]")
            raise typer.Exit(2)
    missing = [i for i in inputs if not is_url(i) and not Path(i).exists()]
    for item in missing:
        err.print(f"[yellow]{shown_path(item)}: no such file or folder[/]")
    settings = ctx.obj.settings()
    if workers is not None:
        settings = replace(settings, ingest=replace(settings.ingest, workers=workers))
    report = asyncio.run(_ingest(settings, inputs, InputDefaults(outlet=outlet, published=when)))
    _print_report(report)


async def _ingest(settings: Settings, inputs: list[str], defaults: InputDefaults) -> IngestReport:
    async with open_app(settings) as app:
        # a large store takes a while to load into the near-copy and story indexes
        with err.status("Loading the stored articles into the indexes…"):
            await app.ingestor.sync()
        with _progress("Ingesting", total=_estimate(inputs)) as progress:
            report = await ingest_inputs(app, inputs, defaults, progress)
        await _find_facts(app)
        return report


async def _find_facts(app: App) -> None:
    """Facts are found after ingest (see ``storage.fact_pass``), with their own progress bar."""
    pending = await app.facts.pending()
    if not pending:
        return
    columns = [
        SpinnerColumn(),
        TextColumn("[bold]Finding facts"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("facts", total=pending)
        await app.facts.run(lambda found: bar.update(task, completed=found))


def _estimate(inputs: list[str]) -> int | None:
    """How many items the inputs hold, when that is cheap to know (files and JSONL lines;
    not when a feed file is among them)."""
    total = 0
    for item in inputs:
        path = Path(item)
        if is_url(item) or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in FEED_SUFFIXES:
                return None
            if file.suffix == ".jsonl":
                with file.open("rb") as handle:
                    total += sum(
                        chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")
                    )
            elif file.suffix in (".txt", ".md", ".html", ".htm"):
                total += 1
    return total


@contextmanager
def _progress(label: str, total: int | None = None) -> Iterator[ProgressFn]:
    columns = [
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total, status="")

        def update(report: IngestReport) -> None:
            status = f"{report.added} new, {len(report.new_stories)} stories"
            bar.update(task, completed=report.seen, status=status)

        yield update


def _print_report(report: IngestReport) -> None:
    for line in rejected_summary(report.rejected):
        err.print(f"[yellow]rejected[/] {line}", highlight=False)
    err.print(report.summary(), highlight=False)


@cli.command()
def ask(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help='a command, e.g. "/stories"')],
    as_json: Annotated[bool, typer.Option("--json", help="print the reply as JSON")] = False,
    image: Annotated[
        Path | None,
        typer.Option(
            "--image",
            help="where to write the reply's picture, a PNG (default: pictures/ beside the "
            "SQLite database, or in the working directory)",
        ),
    ] = None,
) -> None:
    """Answer one command and exit (for scripts). A picture (/timeline) is written to a PNG
    file, whose path is printed after the reply (and is the JSON's ``picture.path``)."""
    parsed = parse_command(text, CONSOLE_CALLER)
    if parsed is None:
        err.print(f"[red]Not a command:[/] {text!r} (commands start with /, try /help)")
        raise typer.Exit(2)
    command = with_local_file(parsed)
    settings = ctx.obj.settings()

    async def answer() -> Reply:
        if isinstance(command, Reply):
            return command
        async with open_app(settings) as app:
            return await dispatch(command, app.context)

    reply = asyncio.run(answer())
    written = None
    if reply.picture is not None:
        path = image or pictures_dir(settings) / reply.picture.filename
        written = save_picture(reply.picture, path)
    elif image is not None:
        err.print("[yellow]This reply has no picture; nothing written.[/]")
    if as_json:
        print(render.as_json(reply, written))
        return
    print(render.plain(reply))
    if written is not None:
        print(f"\nPicture: {written}")


@cli.command()
def export(ctx: typer.Context) -> None:
    """Print every stored article as a JSON line: id, url, outlet, story, near_copy_of,
    language."""

    async def lines(app: App) -> None:
        async with app.sessions() as session:
            async for row in export_rows(session):
                sys.stdout.write(json.dumps(dataclasses.asdict(row), ensure_ascii=False) + "\n")

    async def go() -> None:
        async with open_app(ctx.obj.settings()) as app:
            await lines(app)

    asyncio.run(go())


sources_cli = typer.Typer(
    no_args_is_help=True, help="The polled feeds as feed readers keep them: OPML files."
)
cli.add_typer(sources_cli, name="sources")


@sources_cli.command("import")
def import_sources(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="an OPML file, as feed readers export")],
) -> None:
    """Add the feeds an OPML file lists as sources; each is reported added, already known
    or refused (and why)."""
    try:
        data = _read_opml_file(file)
    except OSError as error:
        err.print(f"[red]{shown_path(file)}: cannot be read:[/] {error.strerror or error}")
        raise typer.Exit(1) from error

    async def go() -> Reply:
        async with open_app(ctx.obj.settings()) as app:
            report = await import_opml(data, app.context)
        return import_reply(shown_path(file.name), report, shown=None)

    try:
        reply = asyncio.run(go())
    except OpmlError as error:
        err.print(f"[red]{shown_path(file)}: {error}[/]", highlight=False)
        raise typer.Exit(1) from error
    print(render.plain(reply))


def _read_opml_file(path: Path) -> bytes:
    """The file's bytes; a pipe, a device or a file over ``MAX_FILE_BYTES`` is refused."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise OSError("not a regular file")
    if status.st_size > MAX_FILE_BYTES:
        raise OSError(f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    return path.read_bytes()


@sources_cli.command("export")
def export_sources(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="the OPML file to write (default: standard output)")
    ] = None,
) -> None:
    """Write every source as OPML 2.0 (title and feed address), for a feed reader or another
    newsbot. The addresses are written in full, secrets in them included."""

    async def go() -> bytes:
        async with open_app(ctx.obj.settings()) as app, app.sessions() as session:
            sources = await list_sources(session)
        feeds = [(source.url, source.title) for source in sources]
        return write_opml(feeds, "newsbot sources", datetime.now(UTC))

    document = asyncio.run(go())
    if file is None:
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
    else:
        file.write_bytes(document)
        err.print(f"wrote {document.count(b'<outline ')} sources to {shown_path(file)}")


def main() -> Any:
    return cli()
