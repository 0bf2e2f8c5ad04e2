#!/usr/bin/python3
"""Interop: a Python gRPC client (Debian's python3-grpcio, stubs generated at
test time by examples/python/lede_stubs.py) against a real lede-server.

Starts lede-server on a free loopback port (--listen=127.0.0.1:0
--port_file=...), then checks Analyze, AnalyzeStream, GetInfo, errors,
grpc.health.v1 and server reflection as a client written with nothing but
the .proto would see them.

    LEDE_SERVER_BIN=build/service/lede-server /usr/bin/python3 tests/interop/python/test_interop.py

Environment: LEDE_SERVER_BIN (default build/service/lede-server),
LEDE_MODEL_DIR (default models/), LEDE_INTEROP_COUNTS (a file to write
"passed failed" to, for scripts/interop-test.sh).
"""

import os
import subprocess
import sys
import tempfile
import time
import unittest

import grpc

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(REPO, "examples", "python"))
import lede_stubs  # noqa: E402

lede_pb2, lede_pb2_grpc = lede_stubs.load()

SAMPLE = os.path.join(REPO, "examples", "harbour.txt")
# Non-ASCII before the spans, so the three offset units differ.
UNICODE_DOC = ("Zoë Müller, the mayor of Zürich \U0001F30D, said on Tuesday that the "
               "bridge would reopen in May. \u201cWe are ready,\u201d she told reporters.")


class Server:
    """lede-server on a free loopback port, stopped with SIGTERM."""

    def __init__(self):
        binary = os.environ.get("LEDE_SERVER_BIN", os.path.join(REPO, "build", "service", "lede-server"))
        models = os.environ.get("LEDE_MODEL_DIR", os.path.join(REPO, "models"))
        self.dir = tempfile.mkdtemp(prefix="lede-interop-")
        port_file = os.path.join(self.dir, "port")
        self.log = open(os.path.join(self.dir, "server.log"), "w+")
        self.proc = subprocess.Popen(
            [binary, "--listen=127.0.0.1:0", f"--port_file={port_file}",
             f"--model_dir={models}", "--log_level=warning"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.time() > deadline:
                self.log.seek(0)
                raise RuntimeError(f"lede-server did not start: {self.log.read()}")
            time.sleep(0.05)
        with open(port_file) as f:
            self.target = f"127.0.0.1:{int(f.read())}"

    def stop(self):
        self.proc.terminate()
        code = self.proc.wait(timeout=30)
        self.log.close()
        return code


def setUpModule():
    global SERVER, CHANNEL, STUB
    SERVER = Server()
    CHANNEL = grpc.insecure_channel(SERVER.target)
    grpc.channel_ready_future(CHANNEL).result(timeout=10)
    STUB = lede_pb2_grpc.TextAnalyticsStub(CHANNEL)


def tearDownModule():
    CHANNEL.close()
    code = SERVER.stop()
    if code != 0:
        raise RuntimeError(f"lede-server exited {code} on SIGTERM")


def read_sample():
    with open(SAMPLE, encoding="utf-8") as f:
        return f.read()


# Minimal protobuf wire reading, for the two services called without
# generated code (health, reflection): field number -> list of values.
def parse_fields(data):
    fields, i = {}, 0
    while i < len(data):
        key, i = _varint(data, i)
        num, wt = key >> 3, key & 7
        if wt == 0:
            val, i = _varint(data, i)
        elif wt == 2:
            n, i = _varint(data, i)
            val, i = data[i:i + n], i + n
        elif wt == 1:
            val, i = data[i:i + 8], i + 8
        elif wt == 5:
            val, i = data[i:i + 4], i + 4
        else:
            raise ValueError(f"wire type {wt}")
        fields.setdefault(num, []).append(val)
    return fields


def _varint(data, i):
    shift = val = 0
    while True:
        b = data[i]
        i += 1
        val |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return val, i


def string_field(num, text):
    raw = text.encode()
    assert len(raw) < 128
    return bytes([num << 3 | 2, len(raw)]) + raw


class AnalyzeTest(unittest.TestCase):
    def analyze(self, content, encoding=lede_pb2.UTF32, **doc):
        return STUB.Analyze(lede_pb2.AnalyzeRequest(
            document=lede_pb2.Document(content=content, **doc), encoding_type=encoding), timeout=30)

    def test_sentences_are_slices_of_content_in_code_points(self):
        text = read_sample()
        resp = self.analyze(text, id="harbour")
        self.assertEqual(resp.document_id, "harbour")
        self.assertGreater(len(resp.sentences), 3)
        for s in resp.sentences:
            self.assertEqual(text[s.span.begin:s.span.end], s.text)
        self.assertTrue(resp.summary.sentences)
        for s in resp.summary.sentences:
            self.assertEqual(resp.sentences[s.sentence_index].text, s.text)

    def test_every_span_matches_in_each_encoding(self):
        text = UNICODE_DOC
        units = {
            lede_pb2.UTF8: lambda s, b, e: s.encode("utf-8")[b:e].decode("utf-8"),
            lede_pb2.UTF16: lambda s, b, e: s.encode("utf-16-le")[2 * b:2 * e].decode("utf-16-le"),
            lede_pb2.UTF32: lambda s, b, e: s[b:e],
        }
        for enc, cut in units.items():
            with self.subTest(encoding=lede_pb2.EncodingType.Name(enc)):
                resp = self.analyze(text, encoding=enc, reference_time="2024-06-17")
                spans = [(s.span, s.text) for s in resp.sentences]
                spans += [(m.span, m.text) for e in resp.entities for m in e.mentions]
                spans += [(d.span, d.text) for d in resp.dates]
                spans += [(q.span, q.text) for q in resp.quotes]
                self.assertGreater(len(spans), 3)
                for span, t in spans:
                    self.assertEqual(cut(text, span.begin, span.end), t)

    def test_entities_and_dates(self):
        resp = self.analyze(read_sample(), reference_time="2024-03-04")
        names = {e.name for e in resp.entities}
        self.assertTrue(any("Wellington" in n for n in names), names)
        self.assertTrue(resp.dates)
        self.assertTrue(all(d.value for d in resp.dates))
        self.assertEqual(resp.reference_time_source, lede_pb2.REQUEST)

    def test_invalid_language_is_invalid_argument(self):
        with self.assertRaises(grpc.RpcError) as cm:
            self.analyze("Bonjour.", language="fr")
        self.assertEqual(cm.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)

    def test_get_info(self):
        info = STUB.GetInfo(lede_pb2.GetInfoRequest(), timeout=10)
        self.assertTrue(info.version)
        self.assertTrue(info.models)
        self.assertGreater(info.max_document_bytes, 0)


class StreamTest(unittest.TestCase):
    def test_responses_come_back_in_request_order(self):
        text = read_sample()
        n = 12
        reqs = [lede_pb2.AnalyzeRequest(document=lede_pb2.Document(
            id=f"doc-{i}", content=text if i % 3 else f"Short note number {i}. It ends here."))
            for i in range(n)]
        got = list(STUB.AnalyzeStream(iter(reqs), timeout=120))
        self.assertEqual([r.document_id for r in got], [f"doc-{i}" for i in range(n)])
        for r in got:
            self.assertTrue(r.sentences)
            self.assertEqual(r.error.code, 0)

    def test_a_failed_document_does_not_end_the_stream(self):
        reqs = [
            lede_pb2.AnalyzeRequest(document=lede_pb2.Document(id="a", content="One. Two.")),
            lede_pb2.AnalyzeRequest(document=lede_pb2.Document(id="b", content="Hola.", language="es")),
            lede_pb2.AnalyzeRequest(document=lede_pb2.Document(id="c", content="Three. Four.")),
        ]
        got = list(STUB.AnalyzeStream(iter(reqs), timeout=60))
        self.assertEqual(len(got), 3)
        # A failed document's response may leave document_id empty.
        self.assertEqual((got[0].document_id, got[2].document_id), ("a", "c"))
        self.assertEqual(got[1].error.code, grpc.StatusCode.INVALID_ARGUMENT.value[0])
        self.assertTrue(got[2].sentences)


class GenericClientTest(unittest.TestCase):
    """Services called with raw bytes: no generated code for them."""

    def test_health_reports_serving(self):
        check = CHANNEL.unary_unary("/grpc.health.v1.Health/Check")
        resp = parse_fields(check(b"", timeout=5))
        self.assertEqual(resp.get(1), [1])  # status: SERVING

    def reflection(self, request):
        call = CHANNEL.stream_stream("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
        return [parse_fields(r) for r in call(iter([request]), timeout=10)]

    def test_reflection_lists_text_analytics(self):
        (resp,) = self.reflection(string_field(7, ""))  # list_services: ""
        listing = parse_fields(resp[6][0])  # list_services_response
        names = {parse_fields(s)[1][0].decode() for s in listing[1]}
        self.assertIn("lede.v1.TextAnalytics", names)
        self.assertIn("grpc.health.v1.Health", names)

    def test_reflection_serves_the_descriptor(self):
        from google.protobuf import descriptor_pb2
        (resp,) = self.reflection(string_field(4, "lede.v1.TextAnalytics"))  # file_containing_symbol
        files = [descriptor_pb2.FileDescriptorProto.FromString(b)
                 for b in parse_fields(resp[4][0])[1]]  # file_descriptor_response
        services = {f"{f.package}.{s.name}": [m.name for m in s.method]
                    for f in files for s in f.service}
        self.assertIn("Analyze", services.get("lede.v1.TextAnalytics", []))
        self.assertIn("AnalyzeStream", services["lede.v1.TextAnalytics"])


if __name__ == "__main__":
    prog = unittest.main(exit=False, verbosity=2)
    r = prog.result
    failed = len(r.failures) + len(r.errors) + len(r.unexpectedSuccesses)
    passed = r.testsRun - failed - len(r.skipped)
    counts = os.environ.get("LEDE_INTEROP_COUNTS")
    if counts:
        with open(counts, "w") as f:
            f.write(f"{passed} {failed}\n")
    sys.exit(0 if r.wasSuccessful() and r.testsRun else 1)
