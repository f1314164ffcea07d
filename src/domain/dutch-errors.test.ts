/**
 * Guard: every domain error is given in Dutch too (nl-BE, the source center's language; see
 * result.ts). Reads every non-test `.ts` file under src/domain and fails, naming file and line,
 * for any `fail(` call without a 4th argument (the Dutch message) or whose 4th argument is
 * the same source text as its 3rd (the English copied). The scan masks comments,
 * strings, template text and regular expressions first, then counts the call's top-level
 * arguments, so calls spread over several lines and commas inside nested (), [], {}, `${}` or
 * strings are handled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN_DIR = import.meta.dirname;

/**
 * Files (paths relative to src/domain, with `/`) allowed to call `fail(` without a Dutch
 * message, each with the reason. Empty: the administrator/researcher-only files (demo/,
 * exports/, records/migrations.ts, registry/) are translated too, so none is exempt.
 */
const EXEMPT: ReadonlyMap<string, string> = new Map<string, string>([]);

function domainSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...domainSourceFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      out.push(path);
  }
  return out.sort();
}

// After one of these (or at the start) a `/` opens a regular expression, not a division.
const REGEX_BEFORE = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|void|delete|throw|yield|await)$/;

/**
 * The source with comments, string and template text and regular expressions replaced by
 * spaces (newlines kept, so offsets and line numbers stay the same). Code inside template
 * `${...}` is kept as code.
 */
function maskNonCode(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // Stack of open template literals: the brace depth at which each `${` was opened.
  const templates: number[] = [];
  let braces = 0;
  let i = 0;
  let lastSignificant = '';
  const scanTemplateText = (from: number): number => {
    // From just after a backtick or a closing `}` of `${...}`, up to the end of the literal
    // (returns the index after the closing backtick) or up to a `${` (returns its index + 2).
    let j = from;
    while (j < src.length) {
      const c = src[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === '`') {
        blank(from, j);
        return j + 1;
      }
      if (c === '$' && src[j + 1] === '{') {
        blank(from, j);
        templates.push(braces);
        braces += 1;
        return j + 2;
      }
      j += 1;
    }
    blank(from, j);
    return j;
  };
  while (i < src.length) {
    const c = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (c === '`') {
      i = scanTemplateText(i + 1);
      lastSignificant = '`';
      continue;
    }
    if (c === '/') {
      const before = src.slice(Math.max(0, i - 12), i).trimEnd();
      const isRegex =
        lastSignificant === '' || REGEX_BEFORE.has(lastSignificant) || REGEX_KEYWORDS.test(before);
      if (isRegex) {
        let j = i + 1;
        let inClass = false;
        while (j < src.length && src[j] !== '\n') {
          const d = src[j];
          if (d === '\\') {
            j += 2;
            continue;
          }
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) break;
          j += 1;
        }
        blank(i + 1, j);
        i = j + 1;
        lastSignificant = '/';
        continue;
      }
    }
    if (c === '{') braces += 1;
    if (c === '}') {
      braces -= 1;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        i = scanTemplateText(i + 1);
        lastSignificant = '`';
        continue;
      }
    }
    if (!/\s/.test(c)) lastSignificant = c;
    i += 1;
  }
  return out.join('');
}

type FailCall = {
  /** 1-based line of the `fail(` token. */
  readonly line: number;
  /** The call's arguments, as source text (trimmed). */
  readonly args: readonly string[];
};

/** Every `fail(...)` call in `src` (not `x.fail(`, `statsFail(`, nor the declaration). */
function failCalls(src: string): FailCall[] {
  const code = maskNonCode(src);
  const calls: FailCall[] = [];
  const token = /(?<![\w$.])fail\s*\(/g;
  for (let m = token.exec(code); m !== null; m = token.exec(code)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let start = open + 1;
    const args: string[] = [];
    let j = open;
    for (; j < code.length; j++) {
      const c = code[j];
      if (c === '(' || c === '[' || c === '{') depth += 1;
      else if (c === ')' || c === ']' || c === '}') {
        depth -= 1;
        if (depth === 0) break;
      } else if (c === ',' && depth === 1) {
        args.push(src.slice(start, j).trim());
        start = j + 1;
      }
    }
    const last = src.slice(start, j).trim();
    if (last !== '') args.push(last); // a trailing comma leaves nothing after it
    calls.push({ line: src.slice(0, m.index).split('\n').length, args });
  }
  return calls;
}

/** "file:line" of each call in `files` without a Dutch message (4th argument) or repeating the English. */
function missingDutch(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const rel = relative(DOMAIN_DIR, file).split(sep).join('/');
    if (EXEMPT.has(rel)) continue;
    for (const call of failCalls(readFileSync(file, 'utf8'))) {
      const nl = call.args[3];
      if (nl === undefined || nl === 'undefined')
        problems.push(
          `src/domain/${rel}:${call.line} fail(...) has no Dutch message (4th argument)`,
        );
      else if (nl === call.args[2])
        problems.push(`src/domain/${rel}:${call.line} fail(...) repeats the English as its Dutch`);
    }
  }
  return problems;
}

describe('failCalls (the parser the guard relies on)', () => {
  it('counts arguments of a call over several lines with a trailing comma', () => {
    const src = "x;\nreturn fail(\n  'required',\n  field,\n  'English.',\n  'Nederlands.',\n);";
    expect(failCalls(src)).toEqual([
      { line: 2, args: ["'required'", 'field', "'English.'", "'Nederlands.'"] },
    ]);
  });

  it('ignores commas inside nested brackets, strings, templates and ${}', () => {
    const src = [
      'fail(code, f(a, b), `x ${g(1, 2)}, ${[3, 4].join(", ")} y`,',
      '  \'a, b, "c", d\');',
    ].join('\n');
    const [call] = failCalls(src);
    expect(call?.args).toHaveLength(4);
    expect(failCalls("fail(a, { b: 1, c: [2, 3] }, 'x, y')")[0]?.args).toHaveLength(3);
    expect(failCalls('fail(a, b, `t ${`inner ${c, d}`} , e`)')[0]?.args).toHaveLength(3);
  });

  it('skips comments, strings, regular expressions, methods and other names', () => {
    const src = [
      "// fail('a', 'b', 'c')",
      "/* fail('a', 'b', 'c') */",
      "const s = 'fail(a, b)';",
      'const r = /fail\\(a, "b"/;',
      "obj.fail('a', 'b', 'c');",
      "statsFail('a', 'b', 'c');",
      'export const fail = (code, field, message) => 0;',
      "return fail('a', 'b', 'c');",
    ].join('\n');
    expect(failCalls(src).map((c) => [c.line, c.args.length])).toEqual([[8, 3]]);
  });

  it('tells a division from a regular expression', () => {
    const src = "const x = a / b; const y = c / d; fail('a', 'b', `${x / 2}`, 'nl');";
    expect(failCalls(src)[0]?.args).toHaveLength(4);
  });
});

describe('Dutch domain errors', () => {
  const files = domainSourceFiles(DOMAIN_DIR);

  it('reads the domain sources (sanity: the scan finds files and calls)', () => {
    expect(files.length).toBeGreaterThan(20);
    const calls = files.flatMap((f) => failCalls(readFileSync(f, 'utf8')));
    expect(calls.length).toBeGreaterThan(100);
  });

  it('every fail(...) outside tests gives a Dutch message as its 4th argument', () => {
    expect(missingDutch(files)).toEqual([]);
  });

  it('every exemption names an existing file and a reason', () => {
    for (const [path, reason] of EXEMPT) {
      expect(files.map((f) => relative(DOMAIN_DIR, f).split(sep).join('/'))).toContain(path);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});
