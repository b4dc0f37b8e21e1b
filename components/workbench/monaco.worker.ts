/// <reference lib="webworker" />
// Monaco's editor worker (diff computation, word-based suggestions), bundled: no CDN.
import 'monaco-editor/editor/editor.worker.js';
