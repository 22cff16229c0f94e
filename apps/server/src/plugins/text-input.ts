import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';

/** A UTF-16 surrogate without its pair (what JSON `"\ud800"` decodes to). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const NUL = String.fromCharCode(0);

/** Well-formed Unicode (no lone surrogate) without U+0000. */
export function isWellFormedText(value: string): boolean {
  return !value.includes(NUL) && !LONE_SURROGATE.test(value);
}

/** The text with every offending character shown as U+FFFD, to name a field without echoing it. */
function printable(value: string): string {
  return value.replace(LONE_SURROGATES, '\uFFFD').replaceAll(NUL, '\uFFFD');
}

/**
 * The path of the first string (object key or value) that is not well-formed Unicode or holds a
 * NUL, or null. Iterative: a deeply nested body cannot overflow the stack.
 */
export function findInvalidText(value: unknown, prefix: string[] = []): string | null {
  const stack: [unknown, string[]][] = [[value, prefix]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string[]];
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return path.join('.');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], [...path, String(i)]]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>);
      for (const [key] of entries) {
        if (!isWellFormedText(key)) return [...path, printable(key)].join('.');
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push([v, [...path, key]]);
      }
    }
  }
  return null;
}

function invalidText(field: string): AppError {
  const name = field || 'body';
  return new AppError('invalid_text', 400, {
    params: { field: name },
    fields: [{ path: name, message: 'invalid text' }],
  });
}

/** The text of a multipart part (file name, field name and value) and of the fields before it. */
function invalidMultipartText(part: MultipartFile): string | null {
  if (!isWellFormedText(part.filename ?? '')) return 'file';
  if (!isWellFormedText(part.fieldname)) return part.fieldname;
  for (const field of Object.values(part.fields ?? {}).flat() as (Multipart | undefined)[]) {
    if (!field) continue;
    if (!isWellFormedText(field.fieldname)) return 'field';
    if ('value' in field && typeof field.value === 'string' && !isWellFormedText(field.value)) return field.fieldname;
    if ('filename' in field && !isWellFormedText(field.filename ?? '')) return field.fieldname;
  }
  return null;
}

/**
 * Every text input is well-formed Unicode without U+0000, checked once for every route before
 * validation: the JSON body, the query string and the path parameters (field paths as the
 * validation errors name them: `name`, `querystring.q`, `params.id`). A multipart upload is
 * streamed by its handler; its reader (`request.file()`) is wrapped so that the file name and the
 * text fields are checked as they are read. A bad string is a 400 `invalid_text` naming the field,
 * never a database error.
 */
export const textInputPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      const bodyField = findInvalidText(request.body);
      if (bodyField !== null) throw invalidText(bodyField);
      const queryField = findInvalidText(request.query, ['querystring']);
      if (queryField !== null) throw invalidText(queryField);
      const paramsField = findInvalidText(request.params, ['params']);
      if (paramsField !== null) throw invalidText(paramsField);

      const multipart = request as FastifyRequest & {
        isMultipart?: () => boolean;
        file?: (...args: unknown[]) => Promise<MultipartFile | undefined>;
      };
      const readFile = multipart.file;
      if (typeof readFile === 'function' && multipart.isMultipart?.()) {
        multipart.file = async (...args: unknown[]) => {
          const part = await readFile.apply(request, args);
          const field = part ? invalidMultipartText(part) : null;
          if (part && field !== null) {
            part.file.resume();
            throw invalidText(field);
          }
          return part;
        };
      }
    });
  },
  { name: 'kefu-text-input' },
);
