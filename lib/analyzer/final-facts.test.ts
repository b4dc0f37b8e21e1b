import { describe, expect, it } from 'vitest';
import { buildModel } from './model';
import { finalFacts } from './final-facts';

const facts = (dockerfile: string) => finalFacts(buildModel({ dockerfile }));

describe('finalFacts', () => {
  it('names the package managers a shipped layer adds', () => {
    const f = facts(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\n',
    );
    expect(f.layerPackageManagers).toEqual(['pip']);
  });

  it('reads a package named like an object property as an ordinary name', () => {
    const f = facts(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends constructor __proto__ toString\n',
    );
    expect(f.layerPackageManagers).toEqual([]);
  });
});
