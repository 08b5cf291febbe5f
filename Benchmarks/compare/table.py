"""Prints the figures Benchmarks/run.sh collected (RESULT key=value lines) as one table."""
import math
import sys

sessions, other = {}, {}
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("RESULT "):
        continue
    pairs = dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)
    if "size" in pairs:
        sessions.setdefault(int(pairs["size"]), {}).update(pairs)
    else:
        other.update(pairs)

sizes = sorted(sessions)

# Opening net of start-up, as the issue measured it: a process opening the session, less a
# process starting with an article (scale-bench times both over a pipe; older results lack it,
# and the median start-up measured below in a terminal stands in).
startup_s = None
try:
    startup_s = float(other.get("startup_ms")) / 1000
except (TypeError, ValueError):
    pass
for figures in sessions.values():
    if "open_net_s" in figures:
        continue  # scale-bench timed the start with an article itself, as it timed opening
    try:
        figures["open_net_s"] = f"{float(figures['open_s']) - startup_s:.3f}" if startup_s is not None else "-"
    except (KeyError, ValueError):
        figures["open_net_s"] = "-"


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def exponent(key):
    """Growth exponent from the smallest to the largest size: time ~ size^k."""
    if len(sizes) < 2:
        return "-"
    a, b = num(sessions[sizes[0]].get(key)), num(sessions[sizes[-1]].get(key))
    if not (a > 0 and b > 0):
        return "-"
    return f"{math.log(b / a) / math.log(sizes[-1] / sizes[0]):.2f}"


rows = [
    ("session file (MB)", "file_mb", None, ""),
    ("list claims --tag X, no match (ms)", "list_tag_ms", None, "≤ 5, flat"),
    ("claim … --by NAME (ms)", "claim_by_ms", ("claim_by_id_ms",), "≤ 1, flat"),
    ("sources (ms)", "sources_ms", None, "≤ 100 at 100k"),
    # Opening as a process, beside orjson as a process timed the same way (start to a line
    # printed after the load), and net of each one's start-up (Python's with orjson imported).
    ("open, process start to session (s)", "open_s", ("orjson_process_s",), "≤ orjson"),
    ("open, net of start-up (s)", "open_net_s", ("orjson_process_net_s",), "≤ orjson"),
    # The same from the medians of the twenty runs each: the best of a difference of two
    # processes' times moves with the luckiest run of either, Python's start most of all.
    ("  the same, from medians (s)", "open_net_median_s", ("orjson_process_net_median_s",), "≤ orjson"),
    ("save after one change (s)", "save_s", ("py_json_dump_s", "orjson_dump_s"), "≤ orjson"),
    # The same two in process, as the peers are measured: bytes to session and session to bytes,
    # no process start, disk or fsync (best of several runs; the peers by the clock, best of several).
    # Decoding checks a large session's records on two cores: by the clock, and the CPU of every thread.
    ("  decode in process, by the clock (s)", "decode_wall_s", ("py_json_load_s", "orjson_load_s"), "≤ orjson"),
    ("  decode in process, CPU (s)", "decode_s", ("py_json_load_s", "orjson_load_s"), "≤ orjson"),
    ("  encode after a change, in process (s)", "encode_again_s", ("py_json_dump_s", "orjson_dump_s"), "≤ orjson"),
] + [(f"export {f} (s)", f"export_{f}_s", None, "< 3, linear") for f in ("markdown", "html", "brat", "w3c", "claimreview", "csv")] \
  + [(f"export {f} peak RSS (MB)", f"export_{f}_peak_mb", None, "< 2x file") for f in ("markdown", "html", "brat", "w3c", "claimreview", "csv")]

head = f"{'measure':40}" + "".join(f"{str(s // 1000) + 'k':>10}" for s in sizes) + f"{'exp.':>7}  {'peer (json/orjson; orjson process; --by id)':>28}  goal"
print()
print(head)
print("-" * len(head))
for label, key, peer, goal in rows:
    cells = "".join(f"{sessions[s].get(key, '-'):>10}" for s in sizes)
    peers = ""
    if peer:
        peers = " | ".join("/".join(sessions[s].get(p, "-") for p in peer) for s in sizes)
    print(f"{label:40}{cells}{exponent(key) if key != 'file_mb' else '':>7}  {peers:>28}  {goal}")

print()
print(f"{'measure':40}{'ClaimDesk':>12}  peers")
print("-" * 80)
print(f"{'start-up with an article (ms, median)':40}{other.get('startup_ms', '-'):>12}  sqlite3 {other.get('sqlite3_startup_ms', '-')}, python3 -q {other.get('python_startup_ms', '-')}  (goal ≤ 10)")
peers = ", ".join(f"{k[5:].replace('_mb_per_s', '')} {v}" for k, v in other.items() if k.startswith("peer_"))
print(f"{'claimdesk segment 10 MB, text (MB/s)':40}{other.get('segment_text_mb_per_s', '-'):>12}  by CPU time {other.get('segment_text_cpu_mb_per_s', '-')}; peers {peers}  (goal ≥ 40)")
print(f"{'claimdesk segment 10 MB, jsonl (MB/s)':40}{other.get('segment_jsonl_mb_per_s', '-'):>12}  by CPU time {other.get('segment_jsonl_cpu_mb_per_s', '-')}; peak {other.get('segment_peak_mb', '-')} MB")
print(f"{'segmenter alone, in process (MB/s)':40}{other.get('ours_10mb_mb_per_s', '-'):>12}  (1 MB: {other.get('ours_1mb_mb_per_s', '-')})")
print(f"{'reanchor 1 MB, 10k annotations (/s)':40}{other.get('reanchor_anchors_per_s', '-'):>12}  right {other.get('reanchor_right_pct', '-')}%, on other text {other.get('reanchor_wrong_pct', '-')}%  (goal ≥ 10000)")
