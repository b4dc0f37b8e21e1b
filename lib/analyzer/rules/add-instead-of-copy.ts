import { defineRule } from '../rule';

export const addInsteadOfCopy = defineRule({
  id: 'add-instead-of-copy',
  technique: 'copy-only-needed',
  severity: 'warning',
  lesson: 'copy-only-needed',
  hadolint: 'DL3020',
  message:
    'ADD copies local files like COPY but also unpacks archives and fetches URLs, which surprises readers. Use COPY for plain files and folders.',
  check: (image) =>
    image.steps.flatMap((step) => {
      if (step.kind !== 'ADD' || step.isRemote || step.isArchive || step.from !== undefined)
        return [];
      // --checksum, --keep-git-dir and --unpack exist only on ADD: keep ADD when they are used.
      const addOnlyFlag = /(^|\s)--(checksum|keep-git-dir|unpack)\b/.test(step.text);
      return [
        {
          range: step.keywordRange,
          fix: addOnlyFlag
            ? undefined
            : { title: 'Use COPY', edits: [{ range: step.keywordRange, newText: 'COPY' }] },
        },
      ];
    }),
});
