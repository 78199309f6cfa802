"""Time skincli's commands as whole processes, side by side with a bare Typer app, and check the budgets.

Usage (from the repository root, with skincli installed in the active environment):

    python bench/run.py [--runs N] [--quick] [--show NAME] [--compare A B ...] [--kb-size N]

Every command is started as its own process, stdout to a pipe that is read and thrown away, and
timed from spawn to exit (wall clock). Rounds are interleaved: each round runs every command once, in
a rotated order, so machine noise (other processes, CPU frequency, a backup kicking in) falls on all
commands alike instead of on whichever command happened to run during it. The table reports medians,
which one slow outlier cannot move, with the interquartile range as the noise figure. Peak RSS comes
from os.wait4, per child. The output is Markdown on stdout; progress goes to stderr.

Exit status: 0 when every command ran (whether or not the budgets hold: this is a report, not a
test), 1 when a command failed (non-zero exit) or the benchmark could not be set up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MIB = 1024 * 1024
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
STRIP_ENV = ("SKINCLI_KB", "FORCE_COLOR", "SKINCLI_FORCE_RICH", "SKINCLI_DEBUG")
# Installed packages come with .pyc files (pip compiles at install time). A dev environment with
# PYTHONDONTWRITEBYTECODE=1 and an editable install would recompile skincli's modules on every run
# (but not Typer's, which pip compiled), a cost no user pays: by default the children get a private
# bytecode cache (PYTHONPYCACHEPREFIX in the temporary directory, so nothing is written to the source
# tree), filled by the untimed first run. --as-is keeps the environment's setting instead.
BYTECODE_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")


@dataclass
class Sample:
    seconds: float
    rss: int  # bytes
    code: int
    stderr: str


@dataclass
class Bench:
    key: str
    label: str
    argv: list[str]
    cache: str = "warm"  # "warm": the shared cache dir; "cold": a fresh empty dir for every run
    heavy: bool = False  # measured only in the first --cold-runs rounds (large inputs)
    rounds: int = 0  # how many rounds include this command
    status: str | None = None  # set when the command is not measured, e.g. "n/a (scan not available)"
    samples: list[Sample] = field(default_factory=list)

    @property
    def ok(self) -> list[Sample]:
        return [s for s in self.samples if s.code == 0]

    @property
    def failures(self) -> list[Sample]:
        return [s for s in self.samples if s.code != 0]

    def median(self) -> float | None:
        good = self.ok
        return statistics.median(s.seconds for s in good) if good and not self.failures else None

    def spread(self) -> str:
        """The interquartile range (middle half of the runs); the full range when there are few runs."""
        good = [s.seconds for s in self.ok]
        if len(good) < 2:
            return "–"
        if len(good) < 4:
            return f"{ms(max(good) - min(good))} (range)"
        q = statistics.quantiles(good, n=4)
        return ms(q[2] - q[0])

    def fastest(self) -> float | None:
        good = self.ok
        return min(s.seconds for s in good) if good else None

    def peak_rss(self) -> int | None:
        good = self.ok
        return max(s.rss for s in good) if good else None


# ---- running one process ---------------------------------------------------------------------------


def run_once(argv: list[str], env: dict[str, str], cwd: str) -> Sample:
    """Spawn, drain stdout through a pipe, reap with wait4: wall time, peak RSS, exit code, stderr."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, env=env, cwd=cwd)
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        while os.read(fd, 1 << 16):
            pass
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting
        proc.stdout.close()
        err.seek(0)
        text = err.read(64 * 1024).decode("utf-8", "replace")
    return Sample(elapsed, usage.ru_maxrss * RSS_UNIT, proc.returncode, text)


def skincli_command(force_module: bool) -> list[str]:
    """The `skincli` console script of the running interpreter's environment, as a user would run it."""
    script = Path(sysconfig.get_path("scripts")) / ("skincli.exe" if os.name == "nt" else "skincli")
    if not force_module and script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "skincli"]


def read_label(path: Path) -> str:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    return " ".join(line.strip() for line in lines if line.strip())


def dir_state(directory: Path) -> dict[str, tuple[int, int]]:
    try:
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in directory.iterdir()}
    except OSError:
        return {}


def settle(path: Path, seconds: float = 4.0) -> None:
    """Wait until a just-written file is older than skincli's racy-timestamp window (3 s): a cache made
    sooner is named by the file's content hash and renamed on a later run, which the warm-cache check
    below would report as a rewrite. Users rarely query a file within seconds of saving it."""
    try:
        age = time.time() - max(path.stat().st_mtime, path.stat().st_ctime)
    except OSError:
        return
    if age < seconds:
        time.sleep(seconds - age)


def wait_for_writers(directory: Path, limit: float = 60.0) -> None:
    """Let the background cache writers of the untimed runs finish (their .tmp- files renamed), so a
    cache still being written is neither timed as a miss nor reported as a rewrite."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if not any(p.name.startswith(".tmp-") for p in directory.iterdir()):
                return
        except OSError:
            return
        time.sleep(0.05)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- formatting ------------------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.1f}"


def mib(size: int | None) -> str:
    return "–" if size is None else f"{size / MIB:.1f}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "**FAIL**")


def version_of(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:
        return "?"


# ---- main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Whole-process timings of skincli against a bare Typer app.")
    parser.add_argument("--runs", type=int, default=None, help="timed rounds (default 20, or 5 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (5) and one cold 10k run")
    parser.add_argument("--cold-runs", type=int, default=None, help="cold runs of the big KB (default 3, 1 with --quick)")
    parser.add_argument("--show", default="retinol", metavar="NAME", help="ingredient for `show` (default retinol)")
    parser.add_argument(
        "--compare",
        nargs="+",
        default=["exosomes", "retinol"],
        metavar="NAME",
        help="ingredients for `compare` (default: exosomes retinol)",
    )
    parser.add_argument("--kb-size", type=int, default=10_000, help="ingredients in the generated KB (default 10000)")
    parser.add_argument("--big-kb", type=Path, default=None, help="use this big KB instead of generating one")
    parser.add_argument("--label", type=Path, default=BENCH / "label40.txt", help="label for `scan` (default bench/label40.txt)")
    parser.add_argument(
        "--batch-size", type=int, default=1000, help="labels in the `scan --batch` row (default 1000, real labels repeated)"
    )
    parser.add_argument(
        "--check-mb", type=int, default=10, help="MB of advert text for the `check` rows (default 10; 0 skips them)"
    )
    parser.add_argument("--module", action="store_true", help="run `python -m skincli` instead of the console script")
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE/PYTHONPYCACHEPREFIX as they are (default: a private .pyc cache)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (caches, big KB)")
    args = parser.parse_args(argv)
    if args.runs is None:
        args.runs = 5 if args.quick else 20
    if args.cold_runs is None:
        args.cold_runs = 1 if args.quick else 3
    if args.runs < 1 or args.cold_runs < 1:
        parser.error("--runs and --cold-runs must be at least 1")
    args.cold_runs = min(args.cold_runs, args.runs)
    if len(args.compare) < 2:
        parser.error("--compare needs at least two names")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="skincli-bench-"))
    try:
        return benchmark(args, root)
    finally:
        if args.keep:
            log(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def benchmark(args: argparse.Namespace, root: Path) -> int:
    warm_dir = root / "cache"
    warm_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in STRIP_ENV}
    env.update(SKINCLI_OVERLAY="", SKINCLI_CACHE_DIR=str(warm_dir))
    if not args.as_is:
        for name in BYTECODE_ENV:
            env.pop(name, None)
        env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    bytecode = (
        "private .pyc cache (`PYTHONPYCACHEPREFIX` in the temporary directory), filled by the untimed first run"
        if not args.as_is
        else "environment as is: " + ", ".join(f"`{k}={os.environ[k]}`" for k in BYTECODE_ENV if k in os.environ)
    )
    cwd = str(root)  # neutral: nothing in the working directory can shadow an installed module
    skincli = skincli_command(args.module)
    problems: list[str] = []

    def preflight(argv: list[str], what: str, cache: Path | None = None) -> Sample:
        run_env = env if cache is None else dict(env, SKINCLI_CACHE_DIR=str(cache))
        sample = run_once(argv, run_env, cwd)
        log(f"  {what}: exit {sample.code}, {sample.seconds * 1000:.0f} ms")
        return sample

    # -- the big knowledge base ------------------------------------------------------------------
    big_kb = args.big_kb
    kb_note = ""
    if big_kb is None:
        big_kb = root / f"kb-{args.kb_size}.yaml"
        log(f"generating a {args.kb_size}-ingredient knowledge base ...")
        made = run_once([sys.executable, str(BENCH / "make_big_kb.py"), "-n", str(args.kb_size), "-o", str(big_kb)], env, cwd)
        if made.code != 0:
            problems.append(f"bench/make_big_kb.py failed (exit {made.code}):\n{made.stderr.strip()}")
    if not problems and args.quick:
        kb_note = f"{big_kb.stat().st_size / MIB:.1f} MiB; `skincli validate` skipped (--quick)"
    elif not problems:
        checked = preflight([*skincli, "validate", str(big_kb)], "skincli validate <big KB>", root / "validate-cache")
        if checked.code != 0:
            problems.append(f"`skincli validate` rejects the big KB (exit {checked.code}):\n{checked.stderr.strip()[:3000]}")
        kb_note = f"{big_kb.stat().st_size / MIB:.1f} MiB; `skincli validate` {ms(checked.seconds)} ms, exit {checked.code}"

    # -- large scan inputs -----------------------------------------------------------------------
    batch_file, big_label, unknown_label, n_real = write_scan_inputs(root, args.batch_size)

    # -- what to measure -------------------------------------------------------------------------
    label_text = read_label(args.label)
    n_label = len([p for p in label_text.split(",") if p.strip()])
    a_b = " ".join(args.compare)
    kb_k = f"{args.kb_size // 1000}k" if args.kb_size % 1000 == 0 else str(args.kb_size)
    benches = [
        Bench("yardstick", "yardstick: `python bench/bare_typer.py`", [sys.executable, str(BENCH / "bare_typer.py")]),
        Bench("floor", "(info) `python -c pass`", [sys.executable, "-c", "pass"]),
        Bench("show", f"`skincli show {args.show}`", [*skincli, "show", args.show]),
        Bench("show-json", f"`skincli show {args.show} --json`", [*skincli, "show", args.show, "--json"]),
        Bench("compare", f"`skincli compare {a_b}`", [*skincli, "compare", *args.compare]),
        Bench("compare-json", f"`skincli compare {a_b} --json`", [*skincli, "compare", *args.compare, "--json"]),
        Bench("scan", f'`skincli scan "<{args.label.name}: ~{n_label} entries>"`', [*skincli, "scan", label_text]),
        Bench(
            "scan-batch",
            f"`skincli scan --batch <{args.batch_size:,} real labels>` ({n_real} distinct lists, repeated)",
            [*skincli, "scan", "--batch", str(batch_file)],
        ),
        Bench(
            "scan-20k",
            "`skincli scan --file <20,000-entry label>` (names from the real lists)",
            [*skincli, "scan", "--file", str(big_label), "--json"],
            heavy=True,
        ),
        Bench(
            "scan-unknown",
            "`skincli scan --file <20,000 unknown names>`",
            [*skincli, "scan", "--file", str(unknown_label), "--json"],
            heavy=True,
        ),
        Bench(
            "big-cold",
            f"`skincli show {args.show} --kb <{kb_k}-ingredient KB>` first run (empty cache)",
            [*skincli, "show", args.show, "--kb", str(big_kb)],
            cache="cold",
        ),
        Bench(
            "big-warm",
            f"`skincli show {args.show} --kb <{kb_k}-ingredient KB>` warm",
            [*skincli, "show", args.show, "--kb", str(big_kb)],
        ),
    ]
    advert_note = ""
    if args.check_mb > 0:
        adverts = root / f"adverts-{args.check_mb}mb.txt"
        made = subprocess.run(
            [sys.executable, str(BENCH / "make_adverts.py"), "-o", str(adverts), "--mb", str(args.check_mb)],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
        )
        advert_note = made.stdout.strip() if made.returncode == 0 else ""
        if made.returncode != 0:
            problems.append(f"bench/make_adverts.py failed (exit {made.returncode}):\n{made.stderr.strip()}")
        for key, extra in (("check-big", []), ("check-big-json", ["--json"])) if advert_note else ():
            shown = " ".join(["check", "--file", f"<{args.check_mb} MB of advert text>", *extra])
            benches.append(Bench(key, f"`skincli {shown}`", [*skincli, "check", "--file", str(adverts), *extra], heavy=True))
    by_key = {b.key: b for b in benches}
    if args.big_kb is None and problems:
        by_key["big-cold"].status = by_key["big-warm"].status = "not run (no valid big KB)"

    # -- preflight: each command once, untimed; this also fills the warm cache and the .pyc files --
    log("preflight (untimed; warms the cache):")
    help_run = preflight([*skincli, "scan", "--help"], "skincli scan --help")
    if help_run.code != 0:
        by_key["scan"].status = "n/a (scan not available)"
    missing_name = False
    for bench in benches:
        if bench.status or bench.cache == "cold" or bench.heavy:
            continue
        if bench.key == "big-warm":
            settle(big_kb)
        sample = preflight(bench.argv, bench.key)
        if sample.code != 0:
            bench.samples.append(sample)
            bench.status = f"FAILED in preflight (exit {sample.code})"
            problems.append(f"{bench.label} exited {sample.code}:\n{sample.stderr.strip()[:2000]}")
            missing_name = missing_name or "no ingredient named" in sample.stderr
    if by_key["big-warm"].status and not by_key["big-cold"].status:  # same command: no point timing it cold
        by_key["big-cold"].status = "not run (failed warm)"
    if missing_name:
        problems.append(name_hint(skincli, env, cwd, args))
    wait_for_writers(warm_dir)
    warm_before = dir_state(warm_dir)
    shipped_kb = shipped_kb_state()

    # -- timed, interleaved rounds ---------------------------------------------------------------
    active = [b for b in benches if not b.status]
    log(f"timing {args.runs} interleaved rounds of {len(active)} commands ...")
    for round_no in range(args.runs):
        shift = round_no % len(active) if active else 0
        order = active[shift:] + active[:shift]  # rotate: no command always runs first or after the cold run
        for bench in order:
            if bench.heavy and round_no >= args.cold_runs:
                continue
            if bench.cache == "cold":
                if round_no >= args.cold_runs:
                    continue
                cold_dir = Path(tempfile.mkdtemp(prefix="cold-", dir=root))
                sample = run_once(bench.argv, dict(env, SKINCLI_CACHE_DIR=str(cold_dir)), cwd)
                shutil.rmtree(cold_dir, ignore_errors=True)
            else:
                sample = run_once(bench.argv, env, cwd)
            bench.samples.append(sample)
            bench.rounds += 1
            if sample.code != 0 and len(bench.failures) == 1:
                problems.append(f"{bench.label} exited {sample.code} in round {round_no + 1}:\n{sample.stderr.strip()[:2000]}")
        log(f"  round {round_no + 1}/{args.runs} done")

    warnings = []
    if dir_state(warm_dir) != warm_before:
        warnings.append(
            "the warm cache was rewritten during the timed rounds (KB or skincli edited meanwhile?): "
            "some warm samples were really cold; rerun for clean numbers"
        )
    if shipped_kb_state() != shipped_kb:
        warnings.append("the shipped knowledge base changed during the run; rerun for clean numbers")

    report(args, benches, by_key, skincli, kb_note, big_kb, warnings, bytecode, advert_note)
    if problems:
        print("\n## Problems\n")
        for problem in problems:
            print("```text\n" + problem.strip() + "\n```\n")
        return 1
    return 0


def write_scan_inputs(root: Path, batch_size: int) -> tuple[Path, Path, Path, int]:
    """The large `scan` inputs: a batch of real labels (the test sets, repeated to `batch_size`), a
    20,000-entry label made of their entries, and a label of 20,000 distinct unknown names."""
    sys.path.insert(0, str(BENCH.parent / "tests"))
    import labelsets

    labels = labelsets.labels()
    batch = root / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as fh:
        for i in range(batch_size):
            label = labels[i % len(labels)]
            fh.write(json.dumps({"id": f"{label.id}#{i // len(labels)}", "ingredients_text": label.text}) + "\n")
    entries = [part.strip() for label in labels for part in label.text.replace(";", ",").split(",") if part.strip()]
    big = root / "label-20k.txt"
    big.write_text(", ".join(entries[i % len(entries)] for i in range(20_000)), encoding="utf-8")
    unknown = root / "unknown-20k.txt"
    unknown.write_text(", ".join(f"Qzx{i:05d}vorb Ulmquat" for i in range(20_000)), encoding="utf-8")
    return batch, big, unknown, len(labels)


def shipped_kb_state() -> tuple[int, int] | None:
    try:
        from skincli.kb.store import shipped_path

        st = shipped_path().stat()
        return (st.st_mtime_ns, st.st_size)
    except Exception:
        return None


def name_hint(skincli: list[str], env: dict[str, str], cwd: str, args: argparse.Namespace) -> str:
    """When the default names are missing (a placeholder KB), say which names would work."""
    out = subprocess.run([*skincli, "list", "--json"], env=env, cwd=cwd, capture_output=True, text=True, check=False)
    try:
        ids = [item["id"] for item in json.loads(out.stdout)]
    except (ValueError, KeyError, TypeError):
        ids = []
    some = ", ".join(ids[:12]) + (" ..." if len(ids) > 12 else "")
    example = f"--show {ids[0]} --compare {' '.join(ids[:2])}" if len(ids) >= 2 else "--show NAME --compare A B"
    return (
        f"The knowledge base in use does not know {args.show!r} or one of {args.compare}; "
        f"it has: {some or '(could not list it)'}.\nRerun with e.g.: python bench/run.py {example}"
    )


def report(
    args: argparse.Namespace,
    benches: list[Bench],
    by_key: dict[str, Bench],
    skincli: list[str],
    kb_note: str,
    big_kb: Path,
    warnings: list[str],
    bytecode: str,
    advert_note: str = "",
) -> None:
    yard = by_key["yardstick"].median()

    def ratio(b: Bench) -> float | None:
        m = b.median()
        return m / yard if m is not None and yard else None

    def rel(a: str, b: str) -> float | None:
        ma, mb = by_key[a].median(), by_key[b].median()
        return ma / mb if ma is not None and mb else None

    def within(value: float | None, limit: float, strict: bool = False) -> bool | None:
        if value is None:
            return None
        return value < limit if strict else value <= limit

    def fmt_x(value: float | None, digits: int = 2) -> str:
        return "–" if value is None else f"{value:.{digits}f}×"

    kb_k = f"{args.kb_size // 1000}k" if args.kb_size % 1000 == 0 else str(args.kb_size)
    rss_show = by_key["show"].peak_rss()
    budgets: list[tuple[str, str, str, str, bool | None]] = []  # (row key, budget, limit, measured, ok)
    for key in ("show", "show-json", "compare", "compare-json"):
        budgets.append((key, f"{key} vs yardstick", "≤ 1.30×", fmt_x(ratio(by_key[key]), 3), within(ratio(by_key[key]), 1.3)))
    show_ms = by_key["show"].median()
    budgets.append(("show", "show, absolute", "< 100 ms", f"{ms(show_ms)} ms", within(show_ms, 0.100, strict=True)))
    rss_mib = None if rss_show is None else rss_show / MIB
    budgets.append(("show", "show, peak RSS", "≤ 60 MiB", f"{mib(rss_show)} MiB", within(rss_mib, 60)))
    budgets.append(("scan", "scan vs show", "≤ 1.50×", fmt_x(rel("scan", "show"), 3), within(rel("scan", "show"), 1.5)))
    budgets.append(
        (
            "big-warm",
            f"{kb_k}-ingredient KB warm vs shipped show",
            "≤ 1.50×",
            fmt_x(rel("big-warm", "show"), 3),
            within(rel("big-warm", "show"), 1.5),
        )
    )
    budgets.append(
        (
            "scan-batch",
            f"scan --batch of {args.batch_size:,} vs one scan",
            "≤ 12×",
            fmt_x(rel("scan-batch", "scan"), 2),
            within(rel("scan-batch", "scan"), 12.0),
        )
    )
    for key, what in (("scan-20k", "20,000-entry label"), ("scan-unknown", "20,000 unknown names")):
        t = by_key[key].median()
        budgets.append((key, f"{what}, time", "≤ 10 s", f"{ms(t)} ms", within(t, 10.0)))
        r = by_key[key].peak_rss()
        budgets.append((key, f"{what}, peak RSS", "≤ 200 MiB", f"{mib(r)} MiB", within(None if r is None else r / MIB, 200)))
    cold = by_key["big-cold"].median()
    budgets.append(("big-cold", f"{kb_k}-ingredient KB first run", "≤ 3 s", f"{ms(cold)} ms", within(cold, 3.0)))
    for key in ("check-big", "check-big-json"):  # issue 12 item 7 / issue 18: linear, bounded memory
        if key in by_key:
            took, rss = by_key[key].median(), by_key[key].peak_rss()
            what = f"check of {args.check_mb} MB{' --json' if key.endswith('json') else ''}"
            budgets.append((key, f"{what}, wall", "≤ 30 s", f"{ms(took)} ms", within(took, 30.0)))
            budgets.append(
                (key, f"{what}, peak RSS", "≤ 200 MiB", f"{mib(rss)} MiB", within(None if rss is None else rss / MIB, 200))
            )

    print("## skincli start-up benchmark\n")
    print(
        f"- Python {platform.python_version()} (`{sys.executable}`), Typer {version_of('typer')}, "
        f"skincli {version_of('skincli')}, PyYAML {version_of('PyYAML')}, rich {version_of('rich')}"
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"- {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, load average at the end {load}")
    print(
        f"- skincli runs as `{' '.join(skincli)}`; stdout to a pipe (plain text, no rich); "
        '`SKINCLI_OVERLAY=""`; `SKINCLI_CACHE_DIR` a temporary directory warmed by an untimed first run'
    )
    print(f"- bytecode: {bytecode}")
    print(
        f"- {args.runs} interleaved rounds; the big KB's first run measured {by_key['big-cold'].rounds}× "
        f"(a fresh empty cache dir each time); big KB: {kb_note or big_kb}"
    )
    if advert_note:
        print(f"- `check` rows (heavy: {args.cold_runs} run{'s' * (args.cold_runs != 1)} each): {advert_note}")
    print()
    print("| command | runs | median ms | IQR ms | min ms | × yardstick | peak RSS MiB | budgets |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for b in benches:
        mine = [x for x in budgets if x[0] == b.key]
        marks = "; ".join(f"{verdict(ok)} {limit}" for _, _, limit, _, ok in mine) or ""
        if b.status and not b.samples:
            print(f"| {b.label} | 0 | {b.status} | | | | | {marks} |")
            continue
        if b.failures:
            codes = sorted({s.code for s in b.failures})
            print(
                f"| {b.label} | {len(b.samples)} | **FAILED** (exit {', '.join(map(str, codes))} in "
                f"{len(b.failures)}/{len(b.samples)} runs) | | | | | {marks} |"
            )
            continue
        print(
            f"| {b.label} | {len(b.samples)} | {ms(b.median())} | {b.spread()} | {ms(b.fastest())} | {fmt_x(ratio(b))} | "
            f"{mib(b.peak_rss())} | {marks} |"
        )
    print()
    print("| budget | limit | measured | result |")
    print("|---|---|---:|---|")
    for _, name, limit, measured, ok in budgets:
        print(f"| {name} | {limit} | {measured} | {verdict(ok)} |")
    counted = [ok for *_, ok in budgets if ok is not None]
    print(
        f"\nBudgets: {counted.count(True)} pass, {counted.count(False)} fail, {len(budgets) - len(counted)} n/a. "
        "Budgets use medians. IQR is the spread of the middle half of the runs (the noise: medians closer than "
        "about one IQR are not different); min is the least-disturbed run; peak RSS is the largest of the runs."
    )
    for warning in warnings:
        print(f"\n**Warning:** {warning}")


if __name__ == "__main__":
    sys.exit(main())
