#!/usr/bin/env node
'use strict';
// A generic client: asks a server what it serves through gRPC server
// reflection (grpc-js-reflection-client), with no .proto file, then calls
// TextAnalytics.GetInfo through the descriptor the server sent.
//
//   node examples/node/list_services.js localhost:50051

const grpc = require('@grpc/grpc-js');
const { GrpcReflection } = require('grpc-js-reflection-client');

async function main(target) {
  const reflection = new GrpcReflection(target, grpc.credentials.createInsecure());
  const services = await reflection.listServices();
  console.log('services:');
  for (const s of services) console.log(`  ${s}`);
  const methods = await reflection.listMethods('lede.v1.TextAnalytics');
  console.log('lede.v1.TextAnalytics methods:');
  for (const m of methods) console.log(`  ${m.name}`);
  const descriptor = await reflection.getDescriptorBySymbol('lede.v1.TextAnalytics');
  const pkg = descriptor.getPackageObject({ keepCase: true, enums: String, longs: Number });
  const stub = new pkg.lede.v1.TextAnalytics(target, grpc.credentials.createInsecure());
  const info = await new Promise((resolve, reject) =>
    stub.GetInfo({}, (err, r) => (err ? reject(err) : resolve(r))));
  console.log(`GetInfo over the reflected descriptor: version ${info.version}`);
  stub.close();
}

main(process.argv[2] || 'localhost:50051').catch((err) => {
  console.error(`reflection failed: ${err.details || err.message}`);
  process.exitCode = 1;
});
