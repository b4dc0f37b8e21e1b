/** mvdan-sh ships no type declarations; shell.ts describes the parts it uses. */
declare module 'mvdan-sh' {
  const mvdanSh: { syntax: unknown };
  export default mvdanSh;
}
