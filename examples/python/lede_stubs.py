"""Generates the lede gRPC stubs for Python at run time and imports them.

No generated code is committed: `load()` runs protoc (from Debian's
python3-grpc-tools) on proto/lede/v1/lede.proto into a temporary directory
once per process and returns the `lede_pb2` and `lede_pb2_grpc` modules.

Example:
    lede_pb2, lede_pb2_grpc = lede_stubs.load()
    stub = lede_pb2_grpc.TextAnalyticsStub(grpc.insecure_channel(target))
"""

import atexit
import importlib
import os
import shutil
import sys
import tempfile

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_PROTO_ROOT = os.path.join(_REPO, "proto")

_loaded = None


def load(proto_root=DEFAULT_PROTO_ROOT):
    """Returns (lede_pb2, lede_pb2_grpc), generating them on the first call."""
    global _loaded
    if _loaded is not None:
        return _loaded
    try:
        from grpc_tools import protoc
    except ImportError as e:
        raise RuntimeError(
            "grpc_tools not found: apt-get install python3-grpcio python3-grpc-tools "
            "(and run Debian's /usr/bin/python3)") from e
    out = tempfile.mkdtemp(prefix="lede-pystubs-")
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    # protoc's own include dir holds the well-known types.
    wkt = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    args = ["protoc", f"-I{proto_root}", f"--python_out={out}", f"--grpc_python_out={out}"]
    if os.path.isdir(wkt):
        args.append(f"-I{wkt}")
    args.append(os.path.join(proto_root, "lede", "v1", "lede.proto"))
    if protoc.main(args) != 0:
        raise RuntimeError(f"protoc failed on {args[-1]}")
    sys.path.insert(0, out)
    _loaded = (importlib.import_module("lede.v1.lede_pb2"),
               importlib.import_module("lede.v1.lede_pb2_grpc"))
    return _loaded
