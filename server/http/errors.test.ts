import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { yogaLogger } from './errors.js';

function recordingLogger() {
  const lines: Array<[keyof YogaLogger, unknown[]]> = [];
  const at =
    (level: keyof YogaLogger) =>
    (...args: unknown[]) =>
      void lines.push([level, args]);
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as YogaLogger };
}

describe('the logger Yoga gets', () => {
  it('keeps the errors Yoga hands over (already masked and logged if unexpected) out of the error log', () => {
    const { lines, logger } = recordingLogger();
    const refused = new GraphQLError('Required CSRF header(s) not present');
    yogaLogger(logger).error(refused);
    yogaLogger(logger).error('Unexpected error: TypeError: boom');
    yogaLogger(logger).warn('slow');
    expect(lines).toEqual([
      ['debug', [refused]],
      ['error', ['Unexpected error: TypeError: boom']],
      ['warn', ['slow']],
    ]);
  });
});
