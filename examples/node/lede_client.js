'use strict';
// A small Node.js client for lede-server built on @grpc/grpc-js and
// @grpc/proto-loader: the .proto is loaded at run time, nothing is generated.
//
// Example:
//   const { createClient } = require('./lede_client');
//   const client = createClient('localhost:50051');
//   const resp = await client.analyze({ document: { content: text }, encoding_type: 'UTF16' });
//
// Offsets: ask for `UTF16` (JavaScript strings index by UTF-16 code units),
// then `text.slice(span.begin, span.end)` is the text of every span.

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', 'proto');

// loadPackage() returns the lede.v1 package object (services and enums).
function loadPackage(protoRoot = PROTO_ROOT) {
  const def = protoLoader.loadSync('lede/v1/lede.proto', {
    includeDirs: [protoRoot],
    keepCase: true,    // field names as in the .proto: encoding_type, document_id
    enums: String,     // enum values as names: 'UTF16', 'PERSON'
    longs: Number,     // int64 max_document_bytes as a number
    defaults: true,    // unset fields come back as 0 / '' / []
    oneofs: true,
  });
  return grpc.loadPackageDefinition(def).lede.v1;
}

// createClient(target) connects to `target` ("host:port", or
// "dns:///lede-headless:50051" to spread calls round-robin over every
// replica) and returns promise-based analyze / analyzeStream / getInfo.
function createClient(target, { deadlineMs = 60000, credentials } = {}) {
  const pkg = loadPackage();
  const stub = new pkg.TextAnalytics(
      target, credentials || grpc.credentials.createInsecure(),
      { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) });
  const deadline = () => new Date(Date.now() + deadlineMs);
  const unary = (method, req) => new Promise((resolve, reject) => {
    stub[method](req, { deadline: deadline() }, (err, resp) => (err ? reject(err) : resolve(resp)));
  });
  return {
    stub,
    analyze: (req) => unary('Analyze', req),
    getInfo: () => unary('GetInfo', {}),
    // analyzeStream(requests) sends every request over one AnalyzeStream and
    // resolves to the responses, which the server returns in request order.
    analyzeStream: (requests) => new Promise((resolve, reject) => {
      const out = [];
      const call = stub.AnalyzeStream({ deadline: new Date(Date.now() + deadlineMs * Math.max(1, requests.length)) });
      call.on('data', (r) => out.push(r));
      call.on('error', reject);
      call.on('end', () => resolve(out));
      for (const r of requests) call.write(r);
      call.end();
    }),
    close: () => stub.close(),
  };
}

module.exports = { grpc, protoLoader, loadPackage, createClient, PROTO_ROOT };
