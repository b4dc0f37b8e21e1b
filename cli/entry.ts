/** Entry of the compiled CLI (`npm run build:cli` bundles it to dist/cli/layerlab.mjs). */
import { main } from './main';

main();
