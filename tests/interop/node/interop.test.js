'use strict';
// Interop: Node.js clients (@grpc/grpc-js with @grpc/proto-loader, and the
// reflection-only grpc-js-reflection-client) against a real lede-server
// started on a free loopback port.
//
//   (cd examples/node && npm ci)
//   LEDE_SERVER_BIN=build/service/lede-server node --test tests/interop/node/
//
// Environment: LEDE_SERVER_BIN (default build/service/lede-server),
// LEDE_MODEL_DIR (default models/).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(REPO, 'examples', 'node');
const { grpc, createClient } = require(path.join(EXAMPLES, 'lede_client.js'));
// Resolved from examples/node/node_modules, like the example clients.
const { GrpcReflection } = require(require.resolve('grpc-js-reflection-client', { paths: [EXAMPLES] }));

const SAMPLE = fs.readFileSync(path.join(REPO, 'examples', 'harbour.txt'), 'utf8');
// Astral characters before the spans: UTF-16 offsets differ from code points.
const UNICODE_DOC = 'Zoë Müller, the mayor of Zürich \u{1F30D}\u{1F30D}, said on Tuesday that the ' +
  'bridge would reopen in May. \u201cWe are ready,\u201d she told reporters in Zürich.';

let server;
let target;
let client;

function startServer() {
  const bin = process.env.LEDE_SERVER_BIN || path.join(REPO, 'build', 'service', 'lede-server');
  const models = process.env.LEDE_MODEL_DIR || path.join(REPO, 'models');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-interop-node-'));
  const portFile = path.join(dir, 'port');
  // Per-call logs go to a file, printed if the server fails to start.
  const log = fs.openSync(path.join(dir, 'server.log'), 'w');
  const proc = spawn(bin, ['--listen=127.0.0.1:0', `--port_file=${portFile}`,
    `--model_dir=${models}`, '--log_level=warning'], { stdio: ['ignore', log, log] });
  const tail = () => fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    proc.on('exit', (code) => reject(new Error(`lede-server exited ${code} before serving:\n${tail()}`)));
    const poll = setInterval(() => {
      if (fs.existsSync(portFile)) {
        clearInterval(poll);
        proc.removeAllListeners('exit');
        resolve({ proc, dir, port: parseInt(fs.readFileSync(portFile, 'utf8'), 10) });
      } else if (Date.now() - started > 60000) {
        clearInterval(poll);
        proc.kill('SIGTERM');
        reject(new Error('lede-server did not write its port within 60 s'));
      }
    }, 50);
  });
}

before(async () => {
  server = await startServer();
  target = `127.0.0.1:${server.port}`;
  client = createClient(target);
});

after(async () => {
  if (client) client.close();
  if (!server) return;
  const code = await new Promise((resolve) => {
    server.proc.on('exit', (c, sig) => resolve(sig ? sig : c));
    server.proc.kill('SIGTERM');
  });
  fs.rmSync(server.dir, { recursive: true, force: true });
  assert.equal(code, 0, 'lede-server exits 0 on SIGTERM');
});

test('Analyze: sentence spans are UTF-16 slices of the content', async () => {
  const resp = await client.analyze({ document: { id: 'harbour', content: SAMPLE }, encoding_type: 'UTF16' });
  assert.equal(resp.document_id, 'harbour');
  assert.ok(resp.sentences.length > 3, `${resp.sentences.length} sentences`);
  for (const s of resp.sentences) assert.equal(SAMPLE.slice(s.span.begin, s.span.end), s.text);
  assert.ok(resp.summary.sentences.length > 0);
  assert.ok(resp.entities.some((e) => e.name.includes('Wellington')));
});

test('Analyze: every span matches with astral characters (UTF16)', async () => {
  const resp = await client.analyze({
    document: { content: UNICODE_DOC, reference_time: '2024-06-17' }, encoding_type: 'UTF16',
  });
  const spans = [
    ...resp.sentences,
    ...resp.entities.flatMap((e) => e.mentions),
    ...resp.dates,
    ...resp.quotes,
  ];
  assert.ok(spans.length > 3);
  for (const s of spans) assert.equal(UNICODE_DOC.slice(s.span.begin, s.span.end), s.text);
  // The weekday resolves against the reference date (its direction is the
  // date stage's business, not this test's).
  assert.ok(resp.dates.some((d) => d.text === 'Tuesday' && d.value.startsWith('2024-06')),
    JSON.stringify(resp.dates));
});

test('Analyze: unsupported language is INVALID_ARGUMENT', async () => {
  await assert.rejects(client.analyze({ document: { content: 'Hallo.', language: 'de' } }),
    (err) => err.code === grpc.status.INVALID_ARGUMENT);
});

test('AnalyzeStream: one response per request, in request order', async () => {
  const reqs = Array.from({ length: 10 }, (_, i) => ({
    document: { id: `n${i}`, content: i % 2 ? SAMPLE : `Note ${i}. Done.` }, encoding_type: 'UTF16',
  }));
  reqs.splice(4, 0, { document: { id: 'bad', content: 'x', language: 'ja' } });
  const got = await client.analyzeStream(reqs);
  assert.equal(got.length, reqs.length);
  got.forEach((r, i) => {
    if (i === 4) {
      assert.equal(r.error.code, grpc.status.INVALID_ARGUMENT);
    } else {
      assert.equal(r.document_id, reqs[i].document.id);
      assert.ok(r.sentences.length > 0);
    }
  });
});

test('GetInfo: version and models', async () => {
  const info = await client.getInfo();
  assert.ok(info.version);
  assert.ok(info.models.length > 0);
});

test('reflection: a generic client lists lede.v1.TextAnalytics and calls it without a .proto', async () => {
  const reflection = new GrpcReflection(target, grpc.credentials.createInsecure());
  const services = await reflection.listServices();
  assert.ok(services.includes('lede.v1.TextAnalytics'), services.join(', '));
  const methods = (await reflection.listMethods('lede.v1.TextAnalytics')).map((m) => m.name);
  for (const m of ['Analyze', 'AnalyzeStream', 'GetInfo']) assert.ok(methods.includes(m), methods.join(', '));
  const descriptor = await reflection.getDescriptorBySymbol('lede.v1.TextAnalytics');
  const pkg = descriptor.getPackageObject({ keepCase: true, enums: String, longs: Number, defaults: true });
  const stub = new pkg.lede.v1.TextAnalytics(target, grpc.credentials.createInsecure());
  const resp = await new Promise((resolve, reject) => stub.Analyze(
    { document: { content: 'The board met on Monday. It voted to rebuild.' } },
    (err, r) => (err ? reject(err) : resolve(r))));
  stub.close();
  assert.equal(resp.sentences.length, 2);
});
