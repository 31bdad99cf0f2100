/**
 * Request bodies, strictly (issue 10): JSON and CSV only — no text/plain, so a cross-site "simple"
 * request cannot carry a body the API reads. JSON is refused before parsing when it nests deeper than
 * any request needs, and while parsing when a key or string holds a control character, a key could
 * pollute prototypes, or a number is not finite (1e999). CSV is refused when it holds a control character.
 */
import type { FastifyInstance } from 'fastify';
import { controlCharacterIndex, lineOfIndex } from '../domain/control-characters.ts';
import { AppError } from '../errors.ts';

/** No request of the API nests deeper than this; a 100,000-deep body is refused without recursion. */
export const maxJsonDepth = 32;
export const maxCsvBodyBytes = 50 * 1024 * 1024;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > maxJsonDepth) return true;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return false;
}

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError('INVALID_INPUT', message, details);
}

/** Parses a JSON request body; throws INVALID_INPUT naming the reason. */
export function parseStrictJson(text: string): unknown {
  if (text.trim() === '') throw invalid('The JSON body is empty', { field: 'body', reason: 'EMPTY_BODY' });
  if (tooDeep(text)) throw invalid(`The JSON body nests deeper than ${maxJsonDepth} levels`, { field: 'body', reason: 'TOO_DEEP' });
  try {
    return JSON.parse(text, function reviver(key: string, value: unknown) {
      if (key === '__proto__' || (key === 'prototype' && Object.hasOwn(this as object, 'prototype') && 'constructor' in (this as object))) {
        throw invalid('The JSON body has a forbidden key', { field: key, reason: 'FORBIDDEN_KEY' });
      }
      if (controlCharacterIndex(key) >= 0) throw invalid('A key holds a control character', { field: 'body', reason: 'CONTROL_CHARACTER' });
      if (typeof value === 'string' && controlCharacterIndex(value) >= 0) {
        throw invalid(`The field ${key} holds a control character`, { field: key, reason: 'CONTROL_CHARACTER' });
      }
      if (typeof value === 'number' && !Number.isFinite(value))
        throw invalid(`The field ${key} is not a finite number`, { field: key, reason: 'NOT_FINITE' });
      return value;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('The body is not valid JSON', { field: 'body', reason: 'MALFORMED_JSON' });
  }
}

/** A CSV body as text; throws INVALID_INPUT with the line of a control character. */
export function checkCsvBody(text: string): string {
  const index = controlCharacterIndex(text);
  if (index >= 0) {
    throw invalid(`The CSV holds a control character on line ${lineOfIndex(text, index)}`, {
      field: 'body',
      line: lineOfIndex(text, index),
      reason: 'CONTROL_CHARACTER',
    });
  }
  return text;
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseStrictJson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxCsvBodyBytes }, (_request, body, done) => {
    try {
      done(null, checkCsvBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
