import type { LessonMeta } from '@/lib/lessons/types';
import { file, folder, gitDir, nodeModulesDir, text } from './files';
import { SHOP_NODE_MODULES } from './shop-node-modules';

const packageJson = `{
  "name": "shop-api",
  "version": "1.4.2",
  "private": true,
  "description": "Product catalogue and orders API for a small web shop",
  "main": "src/server.js",
  "scripts": {
    "start": "node src/server.js",
    "dev": "nodemon src/server.js",
    "test": "jest --coverage",
    "lint": "eslint src test"
  },
  "engines": {
    "node": ">=22"
  },
  "dependencies": {
    "cors": "2.8.5",
    "dotenv": "16.6.1",
    "express": "4.21.2",
    "helmet": "8.1.0",
    "pino": "9.7.0"
  },
  "devDependencies": {
    "eslint": "9.30.0",
    "jest": "29.7.0",
    "nodemon": "3.1.10",
    "supertest": "7.1.1"
  }
}
`;

// Fake credentials: the point is that they must never reach an image.
const dotEnv = `PORT=3000
DATABASE_URL=postgres://shop:correct-horse-battery@db:5432/shop
STRIPE_SECRET_KEY=sk_test_FAKE_KEY_FOR_THE_COURSE_0000
JWT_SECRET=dev-only-3f9a1c77e2b84d10
`;

const dotEnvExample = `PORT=3000
DATABASE_URL=postgres://user:password@localhost:5432/shop
STRIPE_SECRET_KEY=
JWT_SECRET=
`;

/**
 * shop-api: an Express API (5 runtime dependencies, 4 dev dependencies). Its node_modules is
 * the measured install of this package.json (see shop-node-modules.ts); the lockfile size is
 * measured from the same install (175,307 bytes, 458 entries).
 */
export const shopApi: LessonMeta['project'] = {
  name: 'shop-api',
  description:
    'An Express API for a small web shop, as it sits on a developer laptop: sources and ' +
    'tests, a local node_modules with dev tools, Git history, test coverage and a .env ' +
    'with secrets.',
  files: [
    text('package.json', packageJson),
    file('package-lock.json', 175_307),
    text('.env', dotEnv),
    text('.env.example', dotEnvExample),
    file('.gitignore', 94),
    file('.nvmrc', 3),
    file('eslint.config.js', 612),
    file('jest.config.js', 288),
    file('README.md', 6_840),
    file('docker-compose.yml', 911),
    file('src/server.js', 1_126),
    file('src/app.js', 2_904),
    file('src/db.js', 1_877),
    file('src/logger.js', 402),
    file('src/routes/products.js', 4_518),
    file('src/routes/orders.js', 5_233),
    file('src/middleware/errors.js', 1_390),
    file('src/middleware/auth.js', 2_011),
    file('test/app.test.js', 3_310),
    file('test/products.test.js', 6_402),
    file('test/orders.test.js', 7_985),
    file('test/fixtures/products.json', 118_604),
    file('docs/architecture.png', 412_377),
    file('docs/api.md', 9_120),
    file('coverage/lcov.info', 41_502),
    file('coverage/coverage-final.json', 236_118),
    folder('coverage/lcov-report', 1_352_906, 31),
    file('npm-debug.log', 8_233),
    file('.vscode/settings.json', 214),
    file('.vscode/launch.json', 503),
    ...gitDir(31_457_280, '9c1e5d2b7a40f3e8d6c4b2a1908f7e6d5c4b3a29'),
    file('node_modules/.package-lock.json', 174_560),
    folder('node_modules/.bin', 4_611, 22),
    ...nodeModulesDir(SHOP_NODE_MODULES),
  ],
};
