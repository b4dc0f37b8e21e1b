import { defineRule } from '../rule';
import { isCall } from './helpers/commands';

export const aptUpgrade = defineRule({
  id: 'apt-upgrade',
  technique: 'combine-run',
  severity: 'info',
  lesson: 'combine-run',
  hadolint: 'DL3005',
  message:
    'apt-get upgrade rewrites packages of the base image into a new layer, so both copies ship. Use a newer tag of the base image instead (rebuild when it is updated).',
  check: (image) =>
    image.shippedRuns.flatMap((run) =>
      run.commands
        .filter((c) => isCall(c, ['apt-get', 'apt'], ['upgrade', 'dist-upgrade', 'full-upgrade']))
        // What an upgrade rewrites is not modelled (0 assumed), so it promises no figure: the
        // layer's apt items are what its installs added, which dropping the upgrade keeps.
        .map((c) => ({ range: c.range })),
    ),
});
