import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * fast-json-stringify picks an anyOf branch by validating the value at run time; a nullable
 * field (`anyOf: [{type: X}, {type: 'null'}]`) is far cheaper as `type: [X, 'null']`.
 */
function simplifyNullables(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(simplifyNullables);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = simplifyNullables(value);
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((s) => (s as JsonSchema).type === 'null');
    const other = anyOf[1 - nullIndex] as JsonSchema | undefined;
    if (nullIndex !== -1 && other && typeof other.type === 'string' && !other.anyOf) {
      const { anyOf: _drop, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/**
 * Serializes responses from their Zod schemas compiled once to JSON Schema and then to
 * fast-json-stringify: fields not in the schema never leave the server, at a fraction of the
 * cost of running Zod on every answer. With `check`, each answer is also validated by its Zod
 * schema first (tests run so, to hold the server to its published contract).
 */
export function responseSerializerCompiler(opts: {
  check: boolean;
}): FastifySerializerCompiler<z.ZodType> {
  const cache = new WeakMap<z.ZodType, (data: unknown) => string>();
  return ({ schema, method, url }) => {
    let stringify = cache.get(schema);
    if (!stringify) {
      const json = z.toJSONSchema(schema, {
        io: 'output',
        unrepresentable: 'any',
        target: 'draft-7',
      }) as JsonSchema;
      delete json.$schema;
      stringify = fastJson(simplifyNullables(json) as Parameters<typeof fastJson>[0]);
      cache.set(schema, stringify);
    }
    if (!opts.check) {
      return stringify;
    }
    const serialize = stringify;
    return (data: unknown) => {
      const result = schema.safeParse(data);
      if (!result.success) {
        const where = result.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
        throw new Error(`The answer of ${method} ${url} breaks its schema: ${where}`);
      }
      return serialize(data);
    };
  };
}
