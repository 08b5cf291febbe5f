"""Save after one change in the real shell: wall and CPU seconds of the first and second save,
the CPU used in the pause before the first (the background encoding at open), the disk's own
write + fsync of the same bytes, and Python json / orjson dumps of the document (CPU seconds).

    python3 save_after_change.py CLAIMDESK_BINARY SESSION_FILE SIZE [ROUNDS]

Prints one `RESULT key=value ...` line (medians of the rounds). Called by Benchmarks/save.sh.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time
binary, source, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
work = tempfile.mkdtemp(prefix="claimdesk-save-")
os.makedirs(os.path.join(work, "sessions"))
path = os.path.join(work, "sessions", "bench.json")
ticks = os.sysconf("SC_CLK_TCK")

def cpu(pid):
    """CPU seconds of a process so far, all threads, user + system."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks

class Shell:
    def __init__(self):
        env = dict(os.environ, CLAIMDESK_ANALYST="bench")
        self.p = subprocess.Popen([binary, "--sessions", "sessions", "bench"], cwd=work, env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.buffer = b""
    def until(self, marker):
        marker = marker.encode()
        while marker not in self.buffer:
            chunk = os.read(self.p.stdout.fileno(), 1 << 16)
            if not chunk:
                raise SystemExit("claimdesk ended: " + self.buffer[-2000:].decode(errors="replace"))
            self.buffer += chunk
        self.buffer = self.buffer[self.buffer.index(marker) + len(marker):]
    def time(self, command, marker):
        start, used = time.perf_counter(), cpu(self.p.pid)
        self.p.stdin.write((command + "\n").encode()); self.p.stdin.flush()
        self.until(marker)
        return time.perf_counter() - start, cpu(self.p.pid) - used
    def finish(self):
        self.p.stdin.close(); self.p.wait()

def disk(data):
    """Wall seconds to write a file of the same bytes and fsync it, and of the fsync alone."""
    probe = path + ".disk-probe"
    start = time.perf_counter()
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    written = time.perf_counter()
    os.fsync(fd)
    end = time.perf_counter()
    os.close(fd); os.unlink(probe)
    return end - start, end - written

original = open(source, "rb").read()
first, second, pause, disks = [], [], [], []
for _ in range(rounds):
    with open(path, "wb") as f:
        f.write(original)
    for leftover in ("bench.journal", "bench.lock"):
        if os.path.exists(os.path.join(work, "sessions", leftover)):
            os.unlink(os.path.join(work, "sessions", leftover))
    time.sleep(0.3)
    shell = Shell()
    shell.until("Opened ")
    shell.time("list claims --tag nomatch", "no claims match")
    shell.time("tag c1 benchsave", "tagged")
    used = cpu(shell.p.pid); time.sleep(2); pause.append(cpu(shell.p.pid) - used)
    first.append(shell.time("save", "Saved "))
    shell.time("tag c2 benchsave", "tagged")
    second.append(shell.time("save", "Saved "))
    shell.finish()
    disks.append(disk(original))
med = lambda xs: statistics.median(xs)
out = {
    "size": size, "file_mb": f"{len(original) / 1048576:.1f}",
    "save_first_s": f"{med([w for w, _ in first]):.3f}", "save_first_cpu_s": f"{med([c for _, c in first]):.2f}",
    "save_second_s": f"{med([w for w, _ in second]):.3f}", "save_second_cpu_s": f"{med([c for _, c in second]):.2f}",
    "pause_cpu_s": f"{med(pause):.2f}",
    "disk_write_fsync_s": f"{med([t for t, _ in disks]):.3f}", "disk_fsync_s": f"{med([f for _, f in disks]):.3f}",
}
d = json.loads(original)
def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.process_time(); f(); times.append(time.process_time() - t)
    return min(times)
out["json_dump_cpu_s"] = f"{best(lambda: json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)):.3f}"
try:
    import orjson
    out["orjson_dump_cpu_s"] = f"{best(lambda: orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)):.3f}"
except ImportError:
    out["orjson_dump_cpu_s"] = "not-installed"
print("RESULT " + " ".join(f"{k}={v}" for k, v in out.items()), flush=True)
shutil.rmtree(work)
