// The process kit: everything that starts, watches and stops the programs of the dev stack, the tests and the
// benches (LiveKit, FerretDB, the token service, the demo, Chromium), in one place. Plain Node (JavaScript with
// JSDoc types, checked by the root tsconfig.json), so that `npm start` needs no loader.
//   processes.mjs  spawn with logs, health polling, process groups, pidfiles
//   ports.mjs      free ports, who holds a port
//   livekit.mjs    the binary, the one livekit.yaml writer, startLiveKit()
//   ferretdb.mjs   startFerretDB() (MongoDB wire protocol for the tests and the bench)
//   services.mjs   the token service and the demo as child processes
//   chromium.mjs   the browser and its one list of flags
//   builds.mjs     the one rule for "the widget / the token service needs a build"
//   netns.mjs      the loopback-only network namespace of browser tests and benches
export * from './processes.mjs';
export * from './ports.mjs';
export * from './livekit.mjs';
export * from './ferretdb.mjs';
export * from './services.mjs';
export * from './chromium.mjs';
export * from './builds.mjs';
export * from './netns.mjs';
