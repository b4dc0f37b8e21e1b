export {
  decodeShare,
  encodeShare,
  shareUrl,
  sharePayloadProblem,
  tryEncodeShare,
  MAX_DOCKERFILE_CHARS,
  MAX_DOCKERIGNORE_CHARS,
  MAX_FRAGMENT_CHARS,
  MAX_JSON_BYTES,
  REASONS as SHARE_REASONS,
  SHARE_VERSION,
} from './share-link';
export type { DecodeResult, EncodeResult, SharePayload } from './share-link';
export { LESSON_STAMP_PARAM, splitLessonStamp, stampFragment } from './lesson-stamp';
