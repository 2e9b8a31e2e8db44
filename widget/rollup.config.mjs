// Two builds of the same sources:
//  1. dist/npm  — ESM, one file per module, lit / livekit-client / react external (types come from `tsc`, see package.json).
//  2. dist/cdn  — the script-tag build: urbania-meeting.js bundles lit; the room view and livekit-client are
//                 lazily loaded chunks beside it (relative dynamic imports), minified by terser. No eval, no other origin.
//                 urbania-call-notifier.js (its own file with lit, no livekit-client) and urbania-sw.js (the Web Push
//                 service worker, a classic script) sit beside it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const tsOptions = (outDir) => ({
  tsconfig: './tsconfig.build.json',
  outDir,
  declaration: false,
  declarationMap: false,
  sourceMap: false,
  noEmitOnError: true,
  importHelpers: false,
});

const external = (id) =>
  id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id.startsWith('lit-') ||
  id === 'livekit-client' || id === 'react' || id.startsWith('react/');

const minify = () =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });

const onwarn = (warning, warn) => {
  // livekit-client has harmless `this` rewrites and circular imports.
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: {
      index: 'src/index.ts',
      'react/index': 'src/react/index.ts',
      'urbania-meeting/urbania-meeting': 'src/urbania-meeting/urbania-meeting.ts',
      'urbania-call-notifier/urbania-call-notifier': 'src/urbania-call-notifier/urbania-call-notifier.ts',
    },
    external,
    onwarn,
    plugins: [typescript(tsOptions('dist/npm'))],
    output: {
      dir: 'dist/npm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // TypeScript's helpers (tslib) would land in dist/npm/node_modules/, which `npm pack` drops: use vendor/.
      entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('node_modules/').pop()}.js` : '[name].js'),
    },
  },
  {
    input: { 'urbania-meeting': 'src/urbania-meeting/urbania-meeting.ts' },
    // The script-tag entry is used for its side effect (defining the tag); letting rollup merge it with the
    // shared chunk saves one round trip before the pre-join view renders.
    preserveEntrySignatures: false,
    onwarn,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      typescript(tsOptions('dist/cdn')),
      terser({
        ecma: 2020,
        module: true,
        compress: { passes: 2 },
        format: { comments: false },
      }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks(id) {
        if (id.includes('/node_modules/livekit-client/') || id.includes('/node_modules/@livekit/') ||
            id.includes('/node_modules/loglevel/') || id.includes('/node_modules/events/') ||
            id.includes('/node_modules/sdp-transform/') ||
            id.includes('/node_modules/@bufbuild/') || id.includes('/node_modules/webrtc-adapter/') ||
            id.includes('/node_modules/sdp/') || id.includes('/node_modules/jose/')) return 'livekit';
        return undefined;
      },
    },
  },
  // <urbania-call-notifier> for a script tag: one file with lit, never livekit-client (the notifier only listens).
  {
    input: { 'urbania-call-notifier': 'src/urbania-call-notifier/urbania-call-notifier.ts' },
    preserveEntrySignatures: false,
    onwarn,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), typescript(tsOptions('dist/cdn')), minify()],
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
  },
  // The Web Push service worker: one classic script the host serves from its own origin (README: Call notifier).
  {
    input: 'src/sw/urbania-sw.ts',
    onwarn,
    plugins: [typescript({ ...tsOptions('dist/cdn'), outDir: undefined }), minify()],
    output: { file: 'dist/cdn/urbania-sw.js', format: 'iife' },
  },
];
