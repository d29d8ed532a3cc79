"""Both chat front ends under load: the real PTB and Bolt apps, over HTTP, against the fakes.

    .venv/bin/python bench/chat_load.py ../shared/data/ecbplus-dev.jsonl --db /tmp/nb100k.db \
        [--total 100000] [--commands 1000] [--concurrency 100] [--together]

Opens the store (building it with the ingest benchmark's synthetic stream when ``--db`` has
fewer than ``--total`` articles, as ``command_latency.py`` does), then serves Telegram in
webhook mode (our aiohttp endpoint, secret header checked) and Slack in HTTP mode (Bolt at
``/slack/events``, signed requests) on 127.0.0.1, both answering through the local fakes of
``tests/e2e``. It POSTs ``--commands`` Telegram updates and as many signed slash commands,
at most ``--concurrency`` in flight per platform, a mix of /stories, /summary <id>,
/who <name>, /diff <id> and /help.

Every request is tagged: a Telegram update comes from its own private chat (chat id = tag),
a slash command from its own user with ``?req=<tag>`` on its response_url, so each answer
the fake records is matched to exactly one request. Latency runs from the POST to the moment
the fake records the (last part of the) answer. The platforms are loaded one after the other
(both bots serve throughout) unless ``--together``.

The fakes never rate-limit. Telegram replies are still paced by the bot's own AIORateLimiter
(30 messages/s for the whole bot, Telegram's broadcast limit); each request uses its own
private chat, so no per-chat or per-group pacing applies.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from command_latency import build
from interpreter import interpreter

import bot.platforms.slack.listeners
import bot.platforms.telegram.listeners
from bot.config import SlackSettings, TelegramSettings
from bot.platforms.slack.app import build_slack
from bot.platforms.slack.serve import EVENTS_PATH, serve_http
from bot.platforms.telegram.app import build_telegram
from bot.platforms.telegram.render import render_telegram
from bot.platforms.telegram.serve import run_telegram
from bot.platforms.telegram.webhook import SECRET_HEADER
from handlers.command import Command
from handlers.context import Context
from handlers.reply import Reply, Tone
from storage.db import SessionFactory, open_database
from storage.models import Mention, Story
from tests.support.net import free_port, wait_listening
from tests.support.slack_fake import FakeSlack
from tests.support.telegram_fake import TOKEN as TELEGRAM_TOKEN
from tests.support.telegram_fake import FakeTelegram, message_update, serve_fake

#: wide enough for the tables when the output is piped to a file
console = Console(width=None if sys.stdout.isatty() else 160)
SLACK_TOKEN = "xoxb-bench-token"
SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TELEGRAM_SECRET = "bench-webhook-secret"
WEBHOOK_URL = "https://bench.invalid/telegram/hook"
FORM = "application/x-www-form-urlencoded"
#: Telegram chat ids (and user ids) of the requests start here; positive = private chats
CHAT_BASE = 5_000_000
#: how often the fakes' call logs are scanned for answers (latency uses the fakes' own clock)
POLL = 0.005
#: the mix of commands, by weight
MIX = {"stories": 15, "summary": 30, "who": 30, "diff": 15, "help": 10}


@dataclass
class Request:
    """One command sent, and everything seen of its answer."""

    tag: str
    name: str
    args: str
    sent: float = 0.0
    status: int | None = None
    failure: str | None = None
    #: messages the reply renders to (Telegram splits long replies); known after dispatch
    parts: int | None = None
    tone: Tone | None = None
    answers: list[float] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def text(self) -> str:
        return f"/{self.name} {self.args}".strip()

    @property
    def expected(self) -> int:
        return self.parts or 1

    @property
    def acked(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def latency(self) -> float | None:
        """Seconds from the POST to the last part of the first complete answer."""
        if len(self.answers) < self.expected:
            return None
        return sorted(self.answers)[self.expected - 1] - self.sent


@dataclass
class Load:
    """One platform's requests, keyed by tag, and the wall time of sending them all."""

    platform: str
    requests: dict[str, Request]
    wall: float = 0.0
    messages: int = 0
    strays: int = 0

    def answer(self, tag: str, at: float) -> None:
        self.messages += 1
        request = self.requests.get(tag)
        if request is None:
            self.strays += 1
            return
        request.answers.append(at)
        if len(request.answers) >= request.expected:
            request.done.set()


class TaggedFakeSlack(FakeSlack):
    """The fake Slack, keeping the ``req`` query parameter of each response_url call."""

    async def response(self, request: web.Request) -> web.Response:
        payload = await request.json()
        payload["_req"] = request.query.get("req", "")
        await self._record("response_url", payload, 200)
        return web.Response(text="ok")


@asynccontextmanager
async def tagged_fake_slack() -> AsyncIterator[TaggedFakeSlack]:
    """``tests.support.slack_fake.fake_slack``, with the tagging fake."""
    fake = TaggedFakeSlack()
    app = web.Application()
    app.router.add_post("/api/{method}", fake.api)
    app.router.add_post("/response/{n}", fake.response)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        fake.base = f"http://{host}:{port}"
        yield fake
    finally:
        await runner.cleanup()


def tap(module: ModuleType, load: Load, key: Callable[[Command], str], parts: bool) -> None:
    """Wrap the front end's ``dispatch`` to note each reply's tone and (for Telegram) how
    many messages it renders to, so multi-part answers and error tones are counted exactly."""
    original: Callable[[Command, Context], Awaitable[Reply]] = module.dispatch

    async def dispatch(command: Command, context: Context) -> Reply:
        reply = await original(command, context)
        request = load.requests.get(key(command))
        if request is not None:
            request.tone = reply.tone
            request.parts = len(render_telegram(reply)) if parts else 1
        return reply

    setattr(module, "dispatch", dispatch)  # noqa: B010


async def watch(
    calls: list[Any], pick: Callable[[Any], tuple[str, float] | None], load: Load
) -> None:
    """Scan the fake's call log for answers until cancelled."""
    seen = 0
    while True:
        for call in calls[seen:]:
            found = pick(call)
            if found is not None:
                load.answer(*found)
        seen = len(calls)
        await asyncio.sleep(POLL)


def telegram_answer(call: Any) -> tuple[str, float] | None:
    if call.method != "sendMessage":
        return None
    return str(call.params["chat_id"]), float(call.at)


def slack_answer(call: Any) -> tuple[str, float] | None:
    if call.method != "response_url" or call.status != 200:
        return None
    return str(call.payload.get("_req", "")), float(call.at)


async def samples(sessions: SessionFactory) -> tuple[list[int], list[str]]:
    async with sessions() as session:
        story_ids = list((await session.scalars(select(Story.id))).all())
        names = list((await session.scalars(select(Mention.name).group_by(Mention.name))).all())
    if not story_ids or not names:
        raise SystemExit("the store has no stories or no names; build it first")
    return story_ids, names


def mix(count: int, story_ids: list[int], names: list[str], seed: int) -> list[tuple[str, str]]:
    """``count`` (name, args) pairs drawn from MIX; the same list for both platforms."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    args: dict[str, Callable[[], str]] = {
        "stories": lambda: "",
        "help": lambda: "",
        "summary": lambda: str(rng.choice(story_ids)),
        "diff": lambda: str(rng.choice(story_ids)),
        "who": lambda: rng.choice(names),
    }
    return [(kind, args[kind]()) for kind in kinds]


async def wait_for_call(fake: FakeTelegram, method: str) -> None:
    for _ in range(1000):
        if fake.calls_to(method):
            return
        await asyncio.sleep(0.01)
    raise RuntimeError(f"the bot never called {method}")


@asynccontextmanager
async def telegram_bot(context: Context, fake: FakeTelegram) -> AsyncIterator[str]:
    """PTB in webhook mode until the block ends; yields the webhook URL to POST to."""
    settings = TelegramSettings(
        base_url=fake.base_url,
        base_file_url=fake.base_file_url,
        webhook_url=WEBHOOK_URL,
        webhook_listen="127.0.0.1",
        webhook_port=free_port(),
    )
    app = build_telegram(settings, TELEGRAM_TOKEN, context, secret=TELEGRAM_SECRET)
    stop = asyncio.Event()
    task = asyncio.create_task(run_telegram(app, settings, TELEGRAM_SECRET, stop))
    try:
        await wait_for_call(fake, "setWebhook")
        await wait_listening(settings.webhook_listen, settings.webhook_port)
        yield f"http://127.0.0.1:{settings.webhook_port}/telegram/hook"
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


@asynccontextmanager
async def slack_bot(context: Context, fake: FakeSlack) -> AsyncIterator[tuple[str, str]]:
    """Bolt over HTTP until the block ends; yields the events URL and the command prefix."""
    settings = SlackSettings(base_url=fake.api_url, listen="127.0.0.1", port=0)
    bolt = build_slack(settings, SLACK_TOKEN, SLACK_SECRET, context)
    async with serve_http(bolt, "127.0.0.1", 0) as runner:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}{EVENTS_PATH}", settings.command_prefix


Sender = Callable[[Request], Awaitable[int]]


def telegram_sender(http: aiohttp.ClientSession, url: str, fake: FakeTelegram) -> Sender:
    async def send(request: Request) -> int:
        chat = int(request.tag)
        update = message_update(fake, request.text, chat_id=chat, user_id=chat)
        headers = {SECRET_HEADER: TELEGRAM_SECRET}
        async with http.post(url, json=update, headers=headers) as response:
            await response.read()
            return response.status

    return send


def slack_sender(http: aiohttp.ClientSession, url: str, fake: FakeSlack, prefix: str) -> Sender:
    verifier = SignatureVerifier(SLACK_SECRET)

    async def send(request: Request) -> int:
        form = {
            "token": "legacy",
            "team_id": "T0NEWS",
            "channel_id": "CBENCH",
            "user_id": f"U{request.tag}",
            "command": f"/{prefix}{request.name}",
            "text": request.args,
            "response_url": f"{fake.base}/response/{request.tag}?req={request.tag}",
            "trigger_id": "1.2.3",
            "api_app_id": "A1",
        }
        body = urlencode(form)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": FORM,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
        }
        async with http.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            return response.status

    return send


async def drive(
    load: Load,
    send: Sender,
    concurrency: int,
    answer_within: float,
    progress: Progress,
    task: TaskID,
) -> None:
    """Every request, at most ``concurrency`` in flight: from its POST until its answer."""
    gate = asyncio.Semaphore(concurrency)
    progress.start_task(task)

    async def one(request: Request) -> None:
        async with gate:
            request.sent = time.monotonic()
            try:
                request.status = await send(request)
            except (aiohttp.ClientError, TimeoutError) as error:
                request.failure = f"{type(error).__name__}: {error}"
            if request.acked:
                with suppress(TimeoutError):
                    await asyncio.wait_for(request.done.wait(), answer_within)
        progress.advance(task)

    started = time.monotonic()
    await asyncio.gather(*(one(request) for request in load.requests.values()))
    load.wall = time.monotonic() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def ms(values: list[float], fraction: float | None = None) -> str:
    if not values:
        return "-"
    if fraction is None:
        return f"{1000 * max(values):.0f}"
    if fraction == 0.5:
        return f"{1000 * statistics.median(values):.0f}"
    return f"{1000 * percentile(values, fraction):.0f}"


@dataclass(frozen=True)
class Summary:
    sent: int
    acked: int
    answered: int
    duplicates: int
    missing: int
    failed: int
    error_tone: int
    latencies: list[float]


def summarise(rows: list[Request]) -> Summary:
    acked = [r for r in rows if r.acked]
    answered = [r for r in rows if r.latency is not None]
    return Summary(
        sent=len(rows),
        acked=len(acked),
        answered=len(answered),
        duplicates=sum(len(r.answers) > r.expected for r in rows),
        missing=sum(len(r.answers) < r.expected for r in rows),
        failed=len(rows) - len(acked),
        error_tone=sum(r.tone is Tone.ERROR for r in rows),
        latencies=[r.latency for r in answered if r.latency is not None],
    )


def report(loads: list[Load], concurrency: int, together: bool) -> bool:
    """Print the tables; True when every command was answered exactly once."""
    table = Table(title=f"Chat load: {concurrency} in flight per platform", caption=interpreter())
    columns = (
        "platform sent acked answered dupes missing failed err-tone "
        "p50ms p95ms maxms msgs wall-s cmd/s"
    ).split()
    for column in columns:
        table.add_column(column, justify="left" if column == "platform" else "right")
    clean = True
    for load in loads:
        s = summarise(list(load.requests.values()))
        clean = clean and not (s.duplicates or s.missing or s.failed or load.strays)
        table.add_row(
            load.platform,
            str(s.sent),
            str(s.acked),
            str(s.answered),
            str(s.duplicates),
            str(s.missing),
            str(s.failed),
            str(s.error_tone),
            ms(s.latencies, 0.5),
            ms(s.latencies, 0.95),
            ms(s.latencies),
            str(load.messages),
            f"{load.wall:.1f}",
            f"{s.answered / load.wall:.1f}" if load.wall else "-",
        )
    console.print(table)

    kinds = Table(title="Latency by command (ms): p50 / p95 / max, error tones")
    kinds.add_column("command")
    for load in loads:
        kinds.add_column(load.platform, justify="right")
    for kind in MIX:
        cells = []
        for load in loads:
            s = summarise([r for r in load.requests.values() if r.name == kind])
            cells.append(
                f"n={s.sent}  {ms(s.latencies, 0.5)} / {ms(s.latencies, 0.95)} / "
                f"{ms(s.latencies)}  err={s.error_tone}"
            )
        kinds.add_row(f"/{kind}", *cells)
    console.print(kinds)

    for load in loads:
        problems = [r for r in load.requests.values() if r.failure or not r.acked]
        for request in problems[:5]:
            console.print(
                f"[red]{load.platform} {request.text!r}: "
                f"{request.failure or f'HTTP {request.status}'}[/red]"
            )
        codes = Counter(r.status for r in load.requests.values() if not r.acked)
        if codes:
            console.print(f"[red]{load.platform} non-2xx acks: {dict(codes)}[/red]")
        if load.strays:
            console.print(f"[red]{load.platform}: {load.strays} answers matched no request[/red]")
    console.print(
        "Notes: the fakes never rate-limit (no 429s). Telegram sends are paced by the bot's "
        "own AIORateLimiter (30 messages/s for the whole bot), so Telegram throughput is "
        "capped near 30 answers/s and its latency includes that queue; each request comes "
        "from its own private chat, so no per-chat/group pacing applies. Slack answers go "
        "to each command's response_url (not rate-limited by Slack either). "
        + (
            "Both platforms were loaded at once."
            if together
            else "Platforms were loaded one after the other; both bots were serving throughout."
        )
        + " Latency: from the POST to the fake recording the answer (last part of a "
        "multi-part Telegram reply); 'msgs' counts messages the fake received."
    )
    return clean


async def run(args: argparse.Namespace) -> bool:
    engine, sessions = await open_database(f"sqlite:///{args.db}")
    try:
        await build(sessions, args.data, args.total)
        story_ids, names = await samples(sessions)
        plan = mix(args.commands, story_ids, names, args.seed)
        console.print(
            f"{len(story_ids):,} stories, {len(names):,} names; "
            f"{args.commands} commands per platform: {dict(Counter(k for k, _ in plan))}"
        )
        telegram = Load(
            "telegram",
            {
                str(CHAT_BASE + i): Request(str(CHAT_BASE + i), kind, text)
                for i, (kind, text) in enumerate(plan)
            },
        )
        slack = Load(
            "slack",
            {f"B{i:06d}": Request(f"B{i:06d}", kind, text) for i, (kind, text) in enumerate(plan)},
        )
        tap(
            bot.platforms.telegram.listeners,
            telegram,
            lambda command: command.caller.chat_id,
            parts=True,
        )
        tap(
            bot.platforms.slack.listeners,
            slack,
            lambda command: command.caller.user_id.removeprefix("U"),
            False,
        )
        context = Context(sessions)
        async with (
            serve_fake() as tg_fake,
            tagged_fake_slack() as slack_fake,
            telegram_bot(context, tg_fake) as webhook,
            slack_bot(context, slack_fake) as (events, prefix),
            aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=2 * args.concurrency)
            ) as http,
        ):
            watchers = [
                asyncio.create_task(watch(tg_fake.calls, telegram_answer, telegram)),
                asyncio.create_task(watch(slack_fake.calls, slack_answer, slack)),
            ]
            senders = {
                "telegram": telegram_sender(http, webhook, tg_fake),
                "slack": slack_sender(http, events, slack_fake, prefix),
            }
            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
            )
            with Progress(*columns, console=console) as progress:
                runs = [
                    drive(
                        load,
                        senders[load.platform],
                        args.concurrency,
                        args.timeout,
                        progress,
                        progress.add_task(load.platform, total=len(load.requests), start=False),
                    )
                    for load in (telegram, slack)
                ]
                if args.together:
                    await asyncio.gather(*runs)
                else:
                    for one in runs:
                        await one
            await asyncio.sleep(args.settle)  # late duplicates still count
            await asyncio.sleep(2 * POLL)
            for watcher in watchers:
                watcher.cancel()
            await asyncio.gather(*watchers, return_exceptions=True)
        return report([telegram, slack], args.concurrency, args.together)
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsbot-chat-load.db"))
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--commands", type=int, default=1000, help="per platform")
    parser.add_argument("--concurrency", type=int, default=100, help="in flight per platform")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per answer")
    parser.add_argument("--settle", type=float, default=1.0, help="wait for late duplicates")
    parser.add_argument("--together", action="store_true", help="load both platforms at once")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    # PTB's opt-in to reading RetryAfter as a timedelta, as the e2e tests set it
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(0 if asyncio.run(run(args)) else 1)


if __name__ == "__main__":
    main()
