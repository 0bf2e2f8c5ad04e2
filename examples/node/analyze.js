#!/usr/bin/env node
'use strict';
// Analyzes text files with lede-server from Node.js and prints a digest.
//
//   node examples/node/analyze.js --server=localhost:50051 examples/harbour.txt
//   node examples/node/analyze.js --stream a.txt b.txt
//
// Run `npm ci` in examples/node first.

const fs = require('node:fs');
const { createClient } = require('./lede_client');

async function main(argv) {
  let server = process.env.LEDE_SERVER || 'localhost:50051';
  let stream = false;
  const files = [];
  for (const a of argv) {
    if (a.startsWith('--server=')) server = a.slice('--server='.length);
    else if (a === '--stream') stream = true;
    else files.push(a);
  }
  if (!files.length) {
    console.error('usage: analyze.js [--server=HOST:PORT] [--stream] FILE...');
    return 2;
  }
  const client = createClient(server);
  const texts = Object.fromEntries(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const requests = files.map((f) => ({
    document: { id: f, content: texts[f] }, encoding_type: 'UTF16',
  }));
  try {
    const responses = stream
      ? await client.analyzeStream(requests)
      : await Promise.all(requests.map((r) => client.analyze(r)));
    for (const resp of responses) {
      const text = texts[resp.document_id];
      console.log(`== ${resp.document_id}: ${resp.sentences.length} sentences`);
      if (resp.error && resp.error.code) {
        console.log(`   error ${resp.error.code}: ${resp.error.message}`);
        continue;
      }
      console.log('summary:');
      for (const s of resp.summary.sentences) {
        console.log(`  [${s.score.toFixed(2)}] ${text.slice(s.span.begin, s.span.end)}`);
      }
      console.log('entities:');
      for (const e of resp.entities.slice(0, 10)) {
        console.log(`  ${e.type.padEnd(12)} ${e.salience.toFixed(2)} ${e.name}`);
      }
      console.log('dates:');
      for (const d of resp.dates) console.log(`  ${JSON.stringify(d.text)} -> ${d.value}`);
      console.log('quotes:');
      for (const q of resp.quotes) console.log(`  ${q.speaker || '?'}: \u201c${q.text}\u201d`);
    }
    return 0;
  } catch (err) {
    console.error(`lede: ${err.code !== undefined ? require('@grpc/grpc-js').status[err.code] : ''} ${err.details || err.message}`);
    return 1;
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
