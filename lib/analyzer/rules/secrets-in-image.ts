import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { CopyStep } from '../model-types';
import { secretKind } from './helpers/context';

/** Variable names that hold secrets: *_TOKEN, *PASSWORD*, *SECRET*, *_API_KEY, AWS_SECRET_ACCESS_KEY... */
const SECRET_NAME =
  /(^|_)(TOKEN|PASSWORD|PASSWD|PASS|SECRET|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)(_|$)|PASSWORD|SECRET/i;
/** Names that point at a secret rather than hold it (`DB_PASSWORD_FILE=/run/secrets/db`). */
const POINTER_SUFFIX = /_(FILE|PATH|DIR|URL_FILE|LENGTH|ENABLED|REQUIRED|HEADER|NAME)$/i;

/** True for an ARG/ENV name that holds a secret value. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !POINTER_SUFFIX.test(name);
}

function isExplicit(copy: CopyStep, path: string): boolean {
  return copy.sources.some((s) => s.replace(/^\.\//, '') === path);
}

export const secretsInImage = defineRule({
  id: 'secrets-in-image',
  technique: 'dockerignore',
  // The image builds and starts with the secret in it: a warning (error means the build or start fails).
  severity: 'warning',
  lesson: 'dockerignore',
  message:
    'A secret ends up in the image, where anyone who can pull it can read it. Keep secret files out with .dockerignore, and pass build secrets with RUN --mount=type=secret instead of ARG/ENV.',
  check: (image) => {
    const hits: RuleHit[] = [];
    for (const copy of image.shippedCopies) {
      if (copy.from !== undefined) continue;
      const found: { path: string; kind: string }[] = [];
      for (const f of copy.contextFiles) {
        const kind = secretKind(f.path, false) && secretKind(f.path, isExplicit(copy, f.path));
        if (kind) found.push({ path: f.path, kind });
      }
      if (found.length === 0) continue;
      const shown = found
        .slice(0, 3)
        .map((f) => `${f.path} (${f.kind})`)
        .join(', ');
      const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
      hits.push({
        range: copy.range,
        message: `This COPY puts ${shown}${more} into the image. Add ${found.length === 1 ? 'it' : 'them'} to .dockerignore and give the app its secrets at run time.`,
      });
    }
    for (const env of image.envs) {
      if (!env.stage.isShipped || !isSecretName(env.name) || env.value.trim() === '') continue;
      hits.push({
        range: env.range,
        message: `ENV ${env.name} stores a secret in the image config, readable with docker inspect. Pass it at run time (docker run -e, a secrets manager) instead.`,
      });
    }
    for (const arg of image.args) {
      if (!arg.stage?.isShipped || !isSecretName(arg.name)) continue;
      hits.push({
        range: arg.range,
        message: `ARG ${arg.name} in a shipped stage is recorded in the image history of every RUN that uses it. Use RUN --mount=type=secret,id=${arg.name.toLowerCase()} instead.`,
      });
    }
    return hits.sort((a, b) => a.range.start.line - b.range.start.line);
  },
});
