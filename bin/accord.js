#!/usr/bin/env node
// The `accord` command: loads the TypeScript sources through tsx and runs the CLI.
import cluster from "node:cluster";
import { register } from "tsx/esm/api";

register();
// `accord serve` with WORKERS > 1: the primary only migrates and forks, so it loads none of the app; each worker runs the CLI as usual.
const severalWorkers = process.argv[2] === "serve" && Number(process.env.WORKERS ?? "1") > 1 && cluster.isPrimary;
await import(severalWorkers ? "../src/server/primary-main.ts" : "../src/cli/main.ts");
