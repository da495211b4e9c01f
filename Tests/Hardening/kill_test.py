#!/usr/bin/env python3
"""Crash consistency of `contextd run` under SIGKILL (issues 7 and 12).

Outputs are generations (see OutputTransaction and README "Outputs"): each run writes a whole
new generation under OUT/.contextd-runs/, then switches the OUT/current link to it; every
top-level output name is a link into current/. The test generates the 10,000-entity sample,
runs `contextd run` once to completion, then starts runs again and again and kills them with
SIGKILL at random moments. The runs cycle through five kinds:

* a good run killed at a uniformly random moment of a whole run;
* a good run killed in its last fifth;
  (each kind's delay is drawn from its own duration, measured on its last finished run)
* a good run killed within 30 ms of its generation folder appearing (the writing, link and
  switch phase);
* a rejected run (a dataset with an error: exit 65), killed at a random moment or let finish;
* a failed run (the pseudonymisation key made group-readable: exit 78), killed or let finish.

Consecutive good runs alternate two as-of dates, so their outputs differ. After every run,
killed or not, it checks what a reader of OUT sees (following the links, as a reader does):

* manifest.json parses, and every output it lists exists with the listed size and SHA-256;
* every listed file and the manifest resolve into one and the same generation folder;
* nothing else is visible: no file under any listed folder (maps/...) that the manifest does not
  list, no top-level name but the manifest's, the lock, the state folder, `.contextd-runs` and
  `current`; each top-level output is a link `NAME -> current/NAME`;
* the output folder is 0700, and every real file and folder of the current generation 0600/0700.

A torn state is any of these failing. Usage:
    python3 Tests/Hardening/kill_test.py [--kills 300] [--seed 1] [--keep DIR] [--binary PATH]
Runs until --kills runs were killed before finishing; prints a line per 25 runs and a summary;
exits 1 if any check failed.
"""
import argparse, hashlib, json, os, random, shutil, signal, stat, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOT_OUTPUTS = {".contextd.lock", ".contextd-state", ".contextd-runs", "current"}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(out):
    """Returns a list of problems with what a reader of `out` sees (empty when it is one generation)."""
    problems = []
    real_out = os.path.realpath(out)
    try:
        with open(os.path.join(out, "manifest.json"), "rb") as f:
            manifest = json.loads(f.read())
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        return [f"manifest.json unreadable: {error}"]
    generation = os.path.dirname(os.path.realpath(os.path.join(out, "manifest.json")))
    if os.path.dirname(generation) != os.path.join(real_out, ".contextd-runs"):
        problems.append(f"manifest.json is not in a generation: {generation}")
    listed = {"manifest.json"}
    for output in manifest["outputs"]:
        relative = output["path"]
        listed.add(relative)
        path = os.path.join(out, relative)
        if not os.path.isfile(path):
            problems.append(f"{relative}: missing")
            continue
        if os.path.getsize(path) != output["bytes"] or sha256(path) != output["sha256"]:
            problems.append(f"{relative}: does not match the manifest")
        if not os.path.realpath(path).startswith(generation + os.sep):
            problems.append(f"{relative}: from another generation ({os.path.realpath(path)})")
    top_listed = {p.split("/")[0] for p in listed}
    for name in os.listdir(out):
        if name in NOT_OUTPUTS:
            continue
        full = os.path.join(out, name)
        if name not in top_listed:
            if os.path.exists(full):  # a dangling link of ours shows nothing
                problems.append(f"stray output: {name}")
            continue
        if not os.path.islink(full) or os.readlink(full) != "current/" + name:
            problems.append(f"{name}: not the program's link into current/")
    # Nothing under a listed folder that the manifest does not list (what a reader would find).
    for top in sorted(top_listed):
        full = os.path.join(out, top)
        if not os.path.isdir(full):
            continue
        for root, _, files in os.walk(full, followlinks=False):
            for name in files:
                relative = os.path.relpath(os.path.join(root, name), out)
                if relative not in listed:
                    problems.append(f"stray file outside the manifest: {relative}")
    if stat.S_IMODE(os.stat(out).st_mode) != 0o700:
        problems.append(f"output folder mode {oct(stat.S_IMODE(os.stat(out).st_mode))}")
    for root, folders, files in os.walk(generation):
        for name in folders + files:
            mode = stat.S_IMODE(os.lstat(os.path.join(root, name)).st_mode)
            if name in folders and mode != 0o700 or name in files and mode != 0o600:
                problems.append(f"{os.path.relpath(os.path.join(root, name), generation)}: mode {oct(mode)}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--binary", help="a release build of contextd (default: build one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "contextd")
    work = args.keep or tempfile.mkdtemp(prefix="contextd-kill-")
    data, bad, out = os.path.join(work, "data"), os.path.join(work, "bad"), os.path.join(work, "out")
    if not os.path.isdir(data):
        subprocess.run([binary, "sample", "--entities", "10000", "--seed", "7", "--out", data], check=True,
                       stdout=subprocess.DEVNULL)
    if not os.path.isdir(bad):
        shutil.copytree(data, bad)
        with open(os.path.join(bad, "links.csv"), "a") as f:
            f.write("C-NOPE,P-NOPE,associate,,,,,\n")
    key = os.path.join(out, ".contextd-state", "pseudonym.key")
    dates = ["2024-09-30", "2024-09-23"]

    def command(i, folder=data):
        return [binary, "run", "--data", folder, "--out", out, "--as-of", dates[i % 2]]

    started = time.monotonic()
    subprocess.run(command(0), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    duration = time.monotonic() - started
    print(f"one complete run: {duration:.2f} s", flush=True)
    kills = completed = torn = 0
    durations = {}
    kinds = {"uniform": 0, "last fifth": 0, "switch phase": 0, "rejected": 0, "failed": 0}
    statuses = {}
    i = 0
    while kills < args.kills:
        i += 1
        kind = ["uniform", "last fifth", "switch phase", "rejected", "failed"][i % 5]
        folder = bad if kind == "rejected" else data
        if kind == "failed":
            os.chmod(key, 0o644)
        generations = set(os.listdir(os.path.join(out, ".contextd-runs")))
        process = subprocess.Popen(command(i, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        begun = time.monotonic()
        typical = durations.get(kind, duration)
        if kind == "switch phase":
            # Aim at the writing and the switch: wait for a new generation folder, then kill within 30 ms.
            while process.poll() is None and set(os.listdir(os.path.join(out, ".contextd-runs"))) <= generations:
                time.sleep(0.0005)
            delay = rng.uniform(0, 0.03)
        elif kind == "last fifth":
            delay = rng.uniform(0.8 * typical, 1.0 * typical)
        else:
            delay = rng.uniform(0, typical)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
            kinds[kind] += 1
        else:
            completed += 1
        status = process.wait()
        if status >= 0:
            # How long this kind of run takes when it finishes (rejected and failed runs are short).
            durations[kind] = time.monotonic() - begun
        statuses[f"{kind}: {status}"] = statuses.get(f"{kind}: {status}", 0) + 1
        if kind == "failed":
            os.chmod(key, 0o600)
        problems = check(out)
        if problems:
            torn += 1
            print(f"run {i} ({kind}) after {delay:.3f} s, status {status}: TORN: {problems[:5]}", flush=True)
        if i % 25 == 0:
            print(f"{i} runs: {kills} killed, {completed} finished, {torn} torn", flush=True)
    # The next run must clean up and finish normally.
    subprocess.run(command(0), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    final = check(out)
    leftovers = os.listdir(os.path.join(out, ".contextd-runs"))
    print(f"summary: {i} runs, {kills} killed ({', '.join(f'{k} {v}' for k, v in kinds.items())}), "
          f"{completed} finished before the kill, {torn} torn states seen; "
          f"exit statuses: {dict(sorted(statuses.items()))}; "
          f"after a final run: {final or 'consistent'}, generations left: {len(leftovers)}")
    return 1 if torn or final or len(leftovers) != 1 else 0


if __name__ == "__main__":
    sys.exit(main())
