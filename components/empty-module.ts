/** Stands in for Node-only modules in the browser bundle (see `turbopack.resolveAlias` in next.config.mjs). */
const emptyModule = {};
export default emptyModule;
