import { defineRule } from '../rule';
import { isRootUser, stepsOfImage } from './helpers/commands';
import { fromRefRange, rootStage, splitRef } from './helpers/model';

export const runsAsRoot = defineRule({
  id: 'runs-as-root',
  technique: 'distroless',
  severity: 'info',
  lesson: 'distroless',
  hadolint: 'DL3002',
  message:
    'The container runs as root, so a flaw in the app gives an attacker root in the container. Add a USER (distroless images have a :nonroot tag; node images have a node user).',
  check: (image) => {
    const final = image.target;
    const root = rootStage(final);
    const lastUser = [...stepsOfImage(final)].reverse().find((s) => s.kind === 'USER');
    const isNonrootTag = (splitRef(root.baseRef).tag ?? '').includes('nonroot');
    const user = lastUser ? lastUser.text.trim() : isNonrootTag ? 'nonroot' : final.user;
    if (!isRootUser(user)) return [];
    return [{ range: lastUser ? lastUser.range : fromRefRange(image, root) }];
  },
});
