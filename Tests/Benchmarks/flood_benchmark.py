#!/usr/bin/env python3
"""Connection flood benchmark: does `contextd serve` keep answering under thousands of idle
connections? Loopback only, bounded in count and time.

Starts the service on the shipped sample (status API on a free loopback port, descriptor limit
4,096 as in the systemd unit), opens N idle TCP connections to it, waits HOLD seconds, then
times 20 `GET /healthz` and one `POST /runs`, and prints the first, median and worst latency,
the statuses, and the service's open descriptors. The README's flood figures come from it.

Usage (from the repository root):
  python3 Tests/Benchmarks/flood_benchmark.py [--connections 4200] [--hold 0.5] [--binary PATH]
Builds contextd in release mode first unless --binary is given.
"""
import argparse, os, resource, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def request(port, method, path, timeout=15):
    start = time.monotonic()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        s.sendall(f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        s.close()
        return time.monotonic() - start, data.split(b" ")[1].decode() if data else "closed"
    except OSError as error:
        return time.monotonic() - start, type(error).__name__


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=4200)
    parser.add_argument("--hold", type=float, default=0.5)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "contextd")
    resource.setrlimit(resource.RLIMIT_NOFILE, (10_000, 20_000))
    work = tempfile.mkdtemp(prefix="contextd-flood-")
    with open(work + "/service.yaml", "w") as f:
        f.write(f"datasets:\n  - {{name: borough, data: {ROOT}/Samples/borough, out: {work}/out, watch: false}}\n"
                "status: {port: 0, port_file: port}\n")
    service = subprocess.Popen(
        ["bash", "-c", f"ulimit -n 4096; exec {binary} serve --config {work}/service.yaml"],
        stderr=open(work + "/log", "w"))
    try:
        for _ in range(400):
            if os.path.exists(work + "/port") and open(work + "/port").read().strip():
                break
            time.sleep(0.05)
        port = int(open(work + "/port").read())
        sockets = []
        start = time.monotonic()
        for _ in range(args.connections):
            s = socket.socket()
            s.setblocking(False)
            try:
                s.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
            sockets.append(s)
        opened = time.monotonic() - start
        time.sleep(args.hold)
        health = [request(port, "GET", "/healthz") for _ in range(20)]
        post = request(port, "POST", "/runs")
        fds = len(os.listdir(f"/proc/{service.pid}/fd"))
        latencies = [seconds for seconds, _ in health]
        print(f"{args.connections} idle connections opened in {opened:.2f} s, held {args.hold} s")
        print(f"GET /healthz x20: first {latencies[0]:.3f} s, median {statistics.median(latencies) * 1000:.1f} ms, "
              f"worst {max(latencies):.3f} s, statuses {sorted({status for _, status in health})}")
        print(f"POST /runs: {post[0] * 1000:.1f} ms, status {post[1]}")
        print(f"service descriptors during the flood: {fds}; 'Too many open files' logged: "
              f"{'Too many open files' in open(work + '/log').read()}")
        for s in sockets:
            s.close()
    finally:
        service.terminate()
        service.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
