export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**', 'src/react/**'],
  outdir: 'dist',
  litelement: true,
};
