/**
 * SPFx generates `*.module.scss.ts` during `gulp build`; the type check of `npm test` runs before any
 * build, so CSS modules are typed here (jest maps them to test/support/style-stub.js at run time).
 */
declare module '*.module.scss' {
  const styles: Record<string, string>;
  export default styles;
}
