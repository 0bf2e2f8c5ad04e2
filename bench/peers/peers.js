#!/usr/bin/env node
// Times peer NLP libraries on the same text files as lede's benchmarks
// (written by bench_corpus) and prints words/s, counting words as lede's
// benchmarks do (runs of non-white-space).
//
//   node peers.js [--libs=wink,compromise,chrono] [--min_time=2]
//                 [--warmup=1] [--max_iters=N] [--json=OUT.jsonl] FILE...
//
// What each library does per iteration (its closest match to lede's
// analyses; everything the library computes is in the timing):
//   wink        wink-nlp + wink-eng-lite-web-model: readDoc (tokens,
//               sentences, POS, entities, negation, sentiment), then the
//               sentences and the entities (with detail) read out
//   compromise  compromise + compromise-dates: parse, people, places,
//               organizations, quotations and dates (resolved against a
//               reference date) read out
//   chrono      chrono-node: parse (dates only) with a reference date
// words/s is per wall-clock second; words per CPU-second (user + system of
// the whole process, GC and compiler threads included) is printed beside it.
// Each (library, file) pair is warmed up for --warmup seconds (at least one
// run), then repeated for at least --min_time seconds (at least one timed
// iteration, at most --max_iters).
'use strict';
const fs = require('fs');
const path = require('path');

const args = { libs: 'wink,compromise,chrono', min_time: 2, warmup: 1, max_iters: 1e9, json: '' };
const files = [];
for (const a of process.argv.slice(2)) {
  const m = /^--([a-z_]+)=(.*)$/.exec(a);
  if (m) args[m[1]] = m[2];
  else files.push(a);
}
if (!files.length) {
  console.error('usage: node peers.js [--libs=wink,compromise,chrono] [--min_time=S] FILE...');
  process.exit(2);
}
const minTime = Number(args.min_time);
const maxIters = Number(args.max_iters);
const reference = new Date('2024-06-17T12:00:00Z');

function version(pkg) {
  return require(path.join(__dirname, 'node_modules', pkg, 'package.json')).version;
}

const libs = {
  wink() {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    return {
      name: `wink-nlp ${version('wink-nlp')} + wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}`,
      run(text) {
        const doc = nlp.readDoc(text);
        return doc.sentences().out().length + doc.entities().out(its.detail).length;
      },
    };
  },
  compromise() {
    const nlp = require('compromise');
    nlp.plugin(require('compromise-dates'));
    const today = reference.toISOString().slice(0, 10);
    return {
      name: `compromise ${version('compromise')} + compromise-dates ${version('compromise-dates')}`,
      run(text) {
        const doc = nlp(text);
        return doc.people().out('array').length + doc.places().out('array').length +
          doc.organizations().out('array').length + doc.quotations().out('array').length +
          doc.dates({ today }).json().length;
      },
    };
  },
  chrono() {
    const chrono = require('chrono-node');
    return {
      name: `chrono-node ${version('chrono-node')} (dates only)`,
      run(text) {
        return chrono.parse(text, reference).length;
      },
    };
  },
};

function countWords(text) {
  let n = 0;
  for (const w of text.split(/[ \t\r\n]+/)) if (w) n++;
  return n;
}

const out = [];
for (const key of args.libs.split(',').filter(Boolean)) {
  if (!libs[key]) {
    console.error(`peers: unknown library ${key}`);
    process.exit(2);
  }
  const lib = libs[key]();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const words = countWords(text);
    const bytes = Buffer.byteLength(text);
    // Warm-up (JIT tiers, lazy tables): --warmup seconds, at least once.
    let sink = 0;
    const w0 = process.hrtime.bigint();
    do sink += lib.run(text);
    while (Number(process.hrtime.bigint() - w0) / 1e9 < Number(args.warmup));
    let iters = 0;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    let elapsed = 0;
    do {
      sink += lib.run(text);
      iters++;
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (elapsed < minTime && iters < maxIters);
    const cu = process.cpuUsage(c0);
    const cpu = (cu.user + cu.system) / 1e6;  // all of the process's threads
    const r = {
      lib: key, library: lib.name, file: path.basename(file), bytes, words, iters,
      seconds: elapsed, cpu_seconds: cpu, words_per_s: (words * iters) / elapsed,
      words_per_cpu_s: (words * iters) / cpu,
      mb_per_s: (bytes * iters) / elapsed / 1e6, docs_per_s: iters / elapsed, found: sink,
    };
    out.push(r);
    console.log(`${key.padEnd(11)} ${r.file.padEnd(12)} ${String(words).padStart(8)} words ` +
      `${String(iters).padStart(5)} iters ${r.seconds.toFixed(2).padStart(7)} s ` +
      `${Math.round(r.words_per_s).toString().padStart(9)} words/s ` +
      `(${Math.round(r.words_per_cpu_s).toString().padStart(9)} per CPU-s) ${r.mb_per_s.toFixed(2).padStart(7)} MB/s   ${lib.name}`);
  }
}
if (args.json) fs.writeFileSync(args.json, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
