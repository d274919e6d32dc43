"""Times the explorer's first frame the way a student meets it: from just before `unroll LESSON`
is started on a pseudo-terminal to the last byte of the first screen it draws (the end of the
first burst of output that is followed by QUIET seconds of silence), then presses q.

    python3 Benchmarks/first-frame.py .build/release/unroll lessons/*.yaml
    python3 Benchmarks/first-frame.py --runs 9 --size 80x24 .build/release/unroll lessons/08b-*.yaml

Prints one line per lesson (min, median, max over --runs, after one run not counted) and the
largest median. The explorer runs with --no-progress (no resume offer) in English, TERM=xterm-256color.
"""
import argparse
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

QUIET = 0.3   # seconds of silence that end the first burst (longer than any pause inside a frame)


def first_frame(unroll, lesson, cols, rows):
    """Seconds from the start of the process to the last byte of its first screen, the process's
    CPU seconds (user + system, to its exit after q), the bytes of the first screen, the exit status."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    proc = subprocess.Popen([unroll, lesson, "--no-progress", "--lang", "en"], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    last, seen = None, 0
    deadline = start + 30
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], QUIET if last else 1.0)
        if not ready:
            if last:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += len(chunk)
        last = time.perf_counter()
    os.write(master, b"q")
    code, cpu = None, 0.0
    for _ in range(500):   # up to 5 s for q to end it
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code, cpu = os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime
            break
        time.sleep(0.01)
    if code is None:
        os.killpg(proc.pid, signal.SIGKILL)
        _, status, usage = os.wait4(proc.pid, 0)
        code, cpu = os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime
    proc.returncode = code
    # drain and close
    try:
        while select.select([master], [], [], 0)[0] and os.read(master, 65536):
            pass
    except OSError:
        pass
    os.close(master)
    if last is None:
        raise RuntimeError(f"{lesson}: no output within 30 s (exit {proc.returncode})")
    return last - start, cpu, seen, code


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("unroll")
    ap.add_argument("lessons", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    a = ap.parse_args()
    cols, rows = (int(v) for v in a.size.split("x"))
    worst = ("", 0.0)
    print(f"explorer, launch to first frame at {cols}×{rows}, wall ms (min / median / max of {a.runs});"
          " cpu: median user+system ms of the whole process (to its exit after q)")
    for lesson in a.lessons:
        first_frame(a.unroll, lesson, cols, rows)   # not counted: warms the file cache
        times, cpus, size, code = [], [], 0, 0
        for _ in range(a.runs):
            t, cpu, size, code = first_frame(a.unroll, lesson, cols, rows)
            times.append(t * 1e3)
            cpus.append(cpu * 1e3)
        med = statistics.median(times)
        name = os.path.basename(lesson)
        print(f"  {name:36s} {min(times):6.1f} {med:6.1f} {max(times):6.1f}   cpu {statistics.median(cpus):5.1f}"
              f"   ({size} bytes, exit {code})")
        if med > worst[1]:
            worst = (name, med)
    print(f"first frame ms, largest median: {worst[1]:.1f} ({worst[0]})")


if __name__ == "__main__":
    main()
