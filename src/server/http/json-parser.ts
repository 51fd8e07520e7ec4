import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// NUL cannot be stored in PostgreSQL text; a lone surrogate cannot be encoded as UTF-8 at all.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses JSON bodies strictly: invalid UTF-8 and characters PostgreSQL cannot store are refused with a
 * 400 at the edge, instead of being silently replaced or failing deep inside a transaction.
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(new AppError('bad_request', 'The body is not valid UTF-8.'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('bad_request', 'The JSON body is empty.'), undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text, (key, value: unknown) => {
        if ((typeof value === 'string' && unstorable.test(value)) || unstorable.test(key)) {
          throw new AppError('bad_request', 'The text contains characters that cannot be stored (NUL or a broken surrogate).');
        }
        // Prototype pollution through "__proto__" keys is refused outright.
        if (key === '__proto__' || key === 'constructor') throw new AppError('bad_request', `The key "${key}" is not allowed.`);
        return value;
      });
      done(null, parsed);
    } catch (error) {
      done(error instanceof AppError ? error : new AppError('bad_request', 'The body is not valid JSON.'), undefined);
    }
  });
}
