#!/usr/bin/python3
"""Analyzes a text file with lede-server from Python and prints the result.

    /usr/bin/python3 examples/python/analyze.py --server=localhost:50051 examples/harbour.txt
    /usr/bin/python3 examples/python/analyze.py --stream a.txt b.txt c.txt

Needs Debian's python3-grpcio and python3-grpc-tools (stubs are generated
at start-up; see lede_stubs.py). Offsets are requested in code points
(`UTF32`), the unit Python strings index by, so `content[begin:end]` is the
text of every span.
"""

import argparse
import os
import sys

import grpc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lede_stubs  # noqa: E402

lede_pb2, lede_pb2_grpc = lede_stubs.load()


def make_request(path, content, reference_time=""):
    return lede_pb2.AnalyzeRequest(
        document=lede_pb2.Document(id=path, content=content, reference_time=reference_time),
        encoding_type=lede_pb2.UTF32)


def print_response(resp, content):
    print(f"== {resp.document_id}: {len(resp.sentences)} sentences")
    if resp.HasField("error") and resp.error.code:
        print(f"   error {resp.error.code}: {resp.error.message}")
        return
    print("summary:")
    for s in resp.summary.sentences:
        assert content[s.span.begin:s.span.end] == s.text
        print(f"  [{s.score:.2f}] {s.text}")
    print("entities:")
    for e in resp.entities[:10]:
        print(f"  {lede_pb2.EntityType.Name(e.type):12} {e.salience:.2f} {e.name}")
    print("dates:")
    for d in resp.dates:
        print(f"  {d.text!r} -> {d.value}")
    print("quotes:")
    for q in resp.quotes:
        print(f"  {q.speaker or '?'}: \u201c{q.text}\u201d")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--server", default=os.environ.get("LEDE_SERVER", "localhost:50051"),
                    help="host:port or dns:///name:port (default $LEDE_SERVER or localhost:50051)")
    ap.add_argument("--reference_time", default="", help="RFC 3339 date relative dates resolve against")
    ap.add_argument("--stream", action="store_true", help="send all files over one AnalyzeStream")
    ap.add_argument("--deadline", type=float, default=60.0, help="seconds per call")
    args = ap.parse_args()

    texts = {}
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            texts[path] = f.read()
    # round_robin spreads calls over every address a dns:/// target resolves to.
    with grpc.insecure_channel(args.server, options=[
            ("grpc.lb_policy_name", "round_robin")]) as channel:
        stub = lede_pb2_grpc.TextAnalyticsStub(channel)
        try:
            if args.stream:
                reqs = (make_request(p, t, args.reference_time) for p, t in texts.items())
                for resp in stub.AnalyzeStream(reqs, timeout=args.deadline * len(texts)):
                    print_response(resp, texts[resp.document_id])
            else:
                for path, text in texts.items():
                    resp = stub.Analyze(make_request(path, text, args.reference_time),
                                        timeout=args.deadline)
                    print_response(resp, text)
        except grpc.RpcError as e:
            print(f"lede: {e.code().name}: {e.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
