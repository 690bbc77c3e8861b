// custom-elements.json from the JSDoc header of each element class (@summary, @fires, @csspart,
// @cssprop, @slot), plus VS Code HTML custom data made from it (see scripts/manifest.mjs).
export default {
  globs: ['src/components/*/kal-*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
};
