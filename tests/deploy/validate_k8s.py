#!/usr/bin/python3
"""Checks the Kubernetes manifests in deploy/k8s/ without a cluster.

Parses every YAML document (Debian's python3-yaml) and checks what a
mistake would silently break: kinds and apiVersions, selectors that match
the pod labels, ports that agree across Deployment, Services and probes,
gRPC probes, resources, the shutdown budget against the server's
--grace_period, the HPA and PDB targets, and the kustomization's list.

    /usr/bin/python3 tests/deploy/validate_k8s.py [deploy/k8s]

Prints one line per check and "N passed, M failed"; exits 1 on a failure.
"""

import glob
import os
import re
import sys

import yaml

EXPECTED_API = {
    "Deployment": "apps/v1",
    "Service": "v1",
    "HorizontalPodAutoscaler": "autoscaling/v2",
    "PodDisruptionBudget": "policy/v1",
    "Kustomization": "kustomize.config.k8s.io/v1beta1",
}
GRPC_PORT = 50051


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print(f"ok    {what}")
        else:
            self.failed += 1
            print(f"FAIL  {what}")
        return ok


def duration_seconds(text):
    """'25s', '1m30s', '500ms' -> seconds (absl::Duration flag syntax)."""
    total = 0.0
    for num, unit in re.findall(r"([\d.]+)(ms|s|m|h)", text):
        total += float(num) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def main(k8s_dir):
    c = Checker()
    docs = []
    files = sorted(glob.glob(os.path.join(k8s_dir, "*.yaml")))
    c.check(files, f"manifests found in {k8s_dir}")
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                loaded = [d for d in yaml.safe_load_all(f) if d is not None]
        except yaml.YAMLError as e:
            c.check(False, f"{os.path.basename(path)} parses: {e}")
            continue
        c.check(loaded, f"{os.path.basename(path)} parses ({len(loaded)} documents)")
        for d in loaded:
            docs.append((os.path.basename(path), d))

    by_kind = {}
    for fname, d in docs:
        kind = d.get("kind")
        c.check(kind in EXPECTED_API, f"{fname}: kind {kind} is known")
        c.check(d.get("apiVersion") == EXPECTED_API.get(kind),
                f"{fname}: {kind} apiVersion {d.get('apiVersion')} == {EXPECTED_API.get(kind)}")
        if kind != "Kustomization":
            c.check(d.get("metadata", {}).get("name"), f"{fname}: {kind} has metadata.name")
        by_kind.setdefault(kind, []).append(d)

    deps = by_kind.get("Deployment", [])
    if not c.check(len(deps) == 1, "exactly one Deployment"):
        return c
    dep = deps[0]
    spec = dep["spec"]
    pod_labels = spec["template"]["metadata"].get("labels", {})
    sel = spec.get("selector", {}).get("matchLabels", {})
    c.check(selects(sel, pod_labels), "Deployment selector matches its pod labels")
    pod = spec["template"]["spec"]
    containers = pod.get("containers", [])
    c.check(len(containers) == 1, "one container")
    ctr = containers[0]
    ports = {p.get("name"): p.get("containerPort") for p in ctr.get("ports", [])}
    c.check(ports.get("grpc") == GRPC_PORT, f"container port 'grpc' is {GRPC_PORT}")
    args = ctr.get("args", [])
    flags = dict(a[2:].split("=", 1) for a in args if a.startswith("--") and "=" in a)
    listen = flags.get("listen", "0.0.0.0:50051")
    c.check(listen.rsplit(":", 1)[-1] == str(GRPC_PORT), f"--listen {listen} uses port {GRPC_PORT}")
    c.check(not listen.startswith("127.") and not listen.startswith("localhost"),
            "--listen is not loopback-only (probes and Services reach it)")

    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        p = ctr.get(probe)
        ok = bool(p) and "grpc" in p
        c.check(ok, f"{probe} is a native grpc probe")
        if ok:
            c.check(p["grpc"].get("port") == GRPC_PORT, f"{probe} checks port {GRPC_PORT}")

    res = ctr.get("resources", {})
    for kind in ("requests", "limits"):
        for r in ("cpu", "memory"):
            c.check(res.get(kind, {}).get(r), f"resources.{kind}.{r} set")

    grace = duration_seconds(flags.get("grace_period", "10s"))
    pre_stop = 0
    cmd = ctr.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
    if len(cmd) == 2 and cmd[0] == "sleep":
        pre_stop = float(cmd[1])
    tgps = pod.get("terminationGracePeriodSeconds", 30)
    c.check(tgps >= grace + pre_stop,
            f"terminationGracePeriodSeconds {tgps} >= preStop {pre_stop:g}s + --grace_period {grace:g}s")
    c.check(tgps <= grace + pre_stop + 10,
            f"terminationGracePeriodSeconds {tgps} is not far beyond the drain ({grace + pre_stop:g}s)")
    sc = ctr.get("securityContext", {})
    psc = pod.get("securityContext", {})
    c.check(psc.get("runAsNonRoot") is True or sc.get("runAsNonRoot") is True, "runAsNonRoot")
    c.check(sc.get("allowPrivilegeEscalation") is False, "allowPrivilegeEscalation false")

    services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
    c.check({"lede", "lede-headless"} <= set(services), "Services lede and lede-headless exist")
    for name, s in services.items():
        sspec = s["spec"]
        c.check(selects(sspec.get("selector"), pod_labels), f"Service {name} selects the pods")
        for p in sspec.get("ports", []):
            tp = p.get("targetPort")
            target = ports.get(tp) if isinstance(tp, str) else tp
            c.check(target == GRPC_PORT, f"Service {name} port {p.get('port')} -> container {target}")
            c.check(p.get("port") == GRPC_PORT, f"Service {name} exposes {GRPC_PORT}")
    if "lede-headless" in services:
        c.check(services["lede-headless"]["spec"].get("clusterIP") == "None",
                "lede-headless is headless (clusterIP: None)")

    dep_name = dep["metadata"]["name"]
    for hpa in by_kind.get("HorizontalPodAutoscaler", []):
        ref = hpa["spec"]["scaleTargetRef"]
        c.check(ref.get("kind") == "Deployment" and ref.get("name") == dep_name
                and ref.get("apiVersion") == "apps/v1", "HPA targets the Deployment")
        mn, mx = hpa["spec"].get("minReplicas", 1), hpa["spec"]["maxReplicas"]
        c.check(1 <= mn <= mx, f"HPA replicas {mn}..{mx}")
        cpu = [m for m in hpa["spec"].get("metrics", [])
               if m.get("type") == "Resource" and m["resource"]["name"] == "cpu"]
        c.check(cpu, "HPA scales on CPU")
        c.check(res.get("requests", {}).get("cpu"), "CPU request set (HPA utilization needs it)")
    c.check(by_kind.get("HorizontalPodAutoscaler"), "an HPA exists")

    pdbs = by_kind.get("PodDisruptionBudget", [])
    c.check(pdbs, "a PodDisruptionBudget exists")
    for pdb in pdbs:
        c.check(selects(pdb["spec"].get("selector", {}).get("matchLabels"), pod_labels),
                "PDB selects the pods")
        min_replicas = min((h["spec"].get("minReplicas", 1)
                            for h in by_kind.get("HorizontalPodAutoscaler", [])), default=1)
        if "minAvailable" in pdb["spec"]:
            c.check(pdb["spec"]["minAvailable"] < min_replicas,
                    "PDB minAvailable leaves room to drain a node")
        else:
            c.check(pdb["spec"].get("maxUnavailable", 0) >= 1, "PDB allows one pod down at a time")

    for k in by_kind.get("Kustomization", []):
        listed = set(k.get("resources", []))
        present = {os.path.basename(f) for f in files} - {"kustomization.yaml"}
        c.check(listed == present, f"kustomization lists every manifest ({sorted(listed)})")
    return c


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "deploy", "k8s")
    checker = main(sys.argv[1] if len(sys.argv) > 1 else default)
    print(f"{checker.passed} passed, {checker.failed} failed")
    sys.exit(1 if checker.failed else 0)
