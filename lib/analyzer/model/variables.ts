/**
 * Build variables: ARG and ENV scopes and Docker's `$VAR` / `${VAR:-word}` expansion in
 * instructions (the shell's own expansion, inside RUN, is in shell.ts).
 */
import type { Instruction } from '../parse';
import type { Range } from '../types';
import type { ArgDecl, EnvDecl, Stage } from '../model-types';
import { lookup, newScope } from '../scope';
import { argProps } from './document';

interface DfVarResult {
  value: string;
  unresolved: string[];
}

/** Expands `$X`, `${X}`, `${X:-w}`, `${X:+w}` (and `-`, `+`) as Docker does in instructions. */
export function expandDockerVars(
  text: string,
  env: Record<string, string | undefined>,
  escape = '\\',
): DfVarResult {
  if (!text.includes('$')) return { value: text, unresolved: [] };
  const unresolved: string[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(inner);
      if (!m) {
        out += text.slice(i, close + 1);
      } else {
        const [, name, op, word] = m;
        const v = lookup(env, name);
        const has = v !== undefined;
        const nonEmpty = has && v !== '';
        if (op === ':-') out += nonEmpty ? v : expandDockerVars(word ?? '', env, escape).value;
        else if (op === '-') out += has ? v : expandDockerVars(word ?? '', env, escape).value;
        else if (op === ':+')
          out += nonEmpty ? expandDockerVars(word ?? '', env, escape).value : '';
        else if (op === '+') out += has ? expandDockerVars(word ?? '', env, escape).value : '';
        else if (has) out += v;
        else {
          unresolved.push(name);
          out += text.slice(i, close + 1);
        }
      }
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      continue;
    }
    const v = lookup(env, m[0]);
    if (v !== undefined) out += v;
    else {
      unresolved.push(m[0]);
      out += '$' + m[0];
    }
    i += m[0].length;
  }
  return { value: out, unresolved };
}

/**
 * `ENV a=1 b="two words"` or the legacy `ENV key value with spaces`. Quotes are removed; a value
 * entirely in single quotes is `literal` (Docker does not expand it). dockerfile-ast's
 * getProperties() gives the same pairs at many times the cost.
 */
export function parseEnvPairs(
  text: string,
  escape = '\\',
): { name: string; value: string; literal: boolean }[] {
  const t = text.trim();
  const firstSpace = t.search(/\s/);
  const firstEq = t.indexOf('=');
  if (firstEq < 0 || (firstSpace >= 0 && firstSpace < firstEq)) {
    if (firstSpace < 0) return t ? [{ name: t, value: '', literal: false }] : [];
    return [{ name: t.slice(0, firstSpace), value: t.slice(firstSpace).trim(), literal: false }];
  }
  const out: { name: string; value: string; literal: boolean }[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /\s/.test(t[i])) i++;
    if (i >= t.length) break;
    const eq = t.indexOf('=', i);
    if (eq < 0) break;
    const name = t.slice(i, eq);
    i = eq + 1;
    let value = '';
    let literal = t[i] === "'";
    let quote: string | undefined;
    for (; i < t.length; i++) {
      const ch = t[i];
      if (quote) {
        if (ch === quote) quote = undefined;
        else if (quote === '"' && ch === escape && i + 1 < t.length) value += t[++i];
        else value += ch;
      } else if (ch === '"' || ch === "'") {
        if (ch === '"') literal = false;
        quote = ch;
      } else if (ch === escape && i + 1 < t.length) {
        value += t[++i];
      } else if (/\s/.test(ch)) break;
      else {
        literal = false;
        value += ch;
      }
    }
    if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) out.push({ name, value, literal });
  }
  return out;
}

/**
 * Global ARGs (before the first FROM): visible to FROM lines, and to stages that redeclare them.
 * Appends each declaration to `args`.
 */
export function globalArgsOf(
  before: Instruction[],
  escape: string,
  args: ArgDecl[],
): Record<string, string | undefined> {
  const globalArgs: Record<string, string | undefined> = newScope();
  for (const ins of before) {
    if (ins.getKeyword() !== 'ARG') continue;
    for (const { name, value } of argProps(ins)) {
      const v = value === null ? undefined : expandDockerVars(value, globalArgs, escape).value;
      globalArgs[name] = v;
      args.push({ name, value: v, range: ins.getRange(), isGlobal: true });
    }
  }
  return globalArgs;
}

/**
 * The platform ARGs BuildKit defines in the global scope without any ARG line, so a FROM can use
 * them (`FROM runtime-$TARGETARCH`), for linux/amd64: the platform the size tables measure.
 */
export const AUTOMATIC_PLATFORM_ARGS: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

/** What a FROM line sees: the automatic platform ARGs, then the global ARGs that have a value. */
export function fromScope(
  globalArgs: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return newScope(AUTOMATIC_PLATFORM_ARGS, globalArgs);
}

/** An ARG in a stage: its default, or the global value it redeclares, becomes visible. */
export function applyArg(
  ins: Instruction,
  stage: Stage,
  range: Range,
  globalArgs: Record<string, string | undefined>,
  escape: string,
  args: ArgDecl[],
): void {
  for (const { name, value } of argProps(ins)) {
    const v =
      value !== null ? expandDockerVars(value, stage.env, escape).value : lookup(globalArgs, name);
    if (v !== undefined) stage.env[name] = v;
    args.push({ name, value: v, range, isGlobal: false, stage });
  }
}

/** An ENV: every pair is expanded against the scope as it was before the instruction. */
export function applyEnv(
  text: string,
  stage: Stage,
  range: Range,
  escape: string,
  envs: EnvDecl[],
): void {
  const snapshot = newScope(stage.env);
  for (const p of parseEnvPairs(text, escape)) {
    // Docker expands variables in ENV values except inside single quotes.
    const value = p.literal ? p.value : expandDockerVars(p.value, snapshot, escape).value;
    stage.env[p.name] = value;
    envs.push({ name: p.name, value, range, stage });
  }
}
