#!/usr/bin/env python3
"""Crash consistency of `contextd run` under SIGKILL (issue 7).

Generates the 10,000-entity sample, runs `contextd run` once to completion, then starts it again
and again (alternating two as-of dates, so consecutive outputs differ), killing it with SIGKILL at
a random moment: a third of the kills uniformly over a whole run, a third in its last fifth, a
third within 30 ms of the staging folder's appearance (while the outputs are written). After
every kill it checks the output folder:

* manifest.json parses, and every output it lists exists with the listed size and SHA-256
  (so the folder holds one complete set of outputs, the previous or the new, never a mix);
* nothing else is there but the lock file, the state folder, and staging or commit folders
  (`.contextd-staging-*` is removed by the next run; `.contextd-commit-*` is a commit that the
  next run completes: its files plus those in place must then be a complete set).

Usage: python3 Tests/Hardening/kill_test.py [--kills 300] [--seed 1] [--keep DIR]
Runs until --kills runs were killed before finishing; prints a line per 25 runs and a summary; exits 1 if any check failed.
"""
import argparse, hashlib, json, os, random, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALLOWED = {"manifest.json", ".contextd.lock", ".contextd-state"}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(out):
    """Returns a list of problems (empty when the folder is consistent).

    A commit folder left by a kill is laid over the folder (its files win), since the next run
    moves them into place: the set checked is the one the folder holds once that is done.
    """
    problems = []
    commits = sorted(n for n in os.listdir(out) if n.startswith(".contextd-commit-"))
    if len(commits) > 1:
        problems.append(f"more than one commit folder: {commits}")

    def effective(relative):
        for commit in commits:
            candidate = os.path.join(out, commit, relative)
            if os.path.isfile(candidate):
                return candidate
        return os.path.join(out, relative)

    try:
        with open(effective("manifest.json"), "rb") as f:
            manifest = json.loads(f.read())
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        return [f"manifest.json unreadable: {error}"]
    listed = set()
    for output in manifest["outputs"]:
        path = effective(output["path"])
        listed.add(output["path"].split("/")[0])
        if not os.path.isfile(path):
            problems.append(f"{output['path']}: missing")
        elif os.path.getsize(path) != output["bytes"] or sha256(path) != output["sha256"]:
            problems.append(f"{output['path']}: does not match the manifest")
    for name in os.listdir(out):
        if name in ALLOWED or name in listed:
            continue
        if name.startswith(".contextd-staging-") or name.startswith(".contextd-commit-"):
            continue
        problems.append(f"stray file: {name}")
    for root, folders, files in os.walk(out):
        for name in folders + files:
            mode = os.lstat(os.path.join(root, name)).st_mode & 0o777
            if name in folders and mode != 0o700 or name in files and mode != 0o600:
                problems.append(f"{os.path.relpath(os.path.join(root, name), out)}: mode {oct(mode)}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, ".build", "release", "contextd")
    work = args.keep or tempfile.mkdtemp(prefix="contextd-kill-")
    data, out = os.path.join(work, "data"), os.path.join(work, "out")
    if not os.path.isdir(data):
        subprocess.run([binary, "sample", "--entities", "10000", "--seed", "7", "--out", data], check=True,
                       stdout=subprocess.DEVNULL)
    dates = ["2024-09-30", "2024-09-23"]

    def command(i):
        return [binary, "run", "--data", data, "--out", out, "--as-of", dates[i % 2]]

    started = time.monotonic()
    subprocess.run(command(0), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    duration = time.monotonic() - started
    print(f"one complete run: {duration:.2f} s", flush=True)
    kills = completed = inconsistent = recovered_commits = 0
    i = 0
    while kills < args.kills:
        i += 1
        process = subprocess.Popen(command(i), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i % 3 == 0:
            # Aim at the writing itself: wait for the staging folder, then kill within 30 ms.
            while process.poll() is None and not any(n.startswith(".contextd-staging-") for n in os.listdir(out)):
                time.sleep(0.0005)
            delay = rng.uniform(0, 0.03)
        else:
            delay = rng.uniform(0, duration) if i % 3 == 1 else rng.uniform(0.8 * duration, 1.05 * duration)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        else:
            completed += 1
        process.wait()
        if any(name.startswith(".contextd-commit-") for name in os.listdir(out)):
            recovered_commits += 1
        problems = check(out)
        if problems:
            inconsistent += 1
            print(f"kill {i} after {delay:.3f} s: INCONSISTENT: {problems}", flush=True)
        if i % 25 == 0:
            print(f"{i} runs: {kills} killed, {completed} completed, {inconsistent} inconsistent", flush=True)
    # The next run must clean up and finish normally.
    subprocess.run(command(0), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    leftovers = [n for n in os.listdir(out) if n.startswith(".contextd-staging-") or n.startswith(".contextd-commit-")]
    final = check(out)
    print(f"summary: {kills} killed, {completed} completed before the kill, {inconsistent} inconsistent; "
          f"interrupted commits seen: {recovered_commits}; after a final run: {final or 'consistent'}, "
          f"leftover staging: {leftovers or 'none'}")
    return 1 if inconsistent or final or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
