import fc from 'fast-check';
import type { IdPool, JsonSchema, Route } from './routes.ts';

/** Strings that have broken parsers, databases and renderers before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  '%',
  '_',
  "'",
  '\\',
  "' OR '1'='1",
  '%_%\\',
  "'); drop table meetings; --",
  '\u202eRTL override',
  '\ufeffBOM',
  'a\u0000b',
  '\ud800',
  '\udfff lone',
  '😀🇷🇺',
  'Ω≈ç√∫',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '..%2f..%2f',
  '$where',
  '{"$gt":""}',
  'constructor',
  '__proto__',
  'toString',
  '9'.repeat(400),
  '-1',
  '0',
  '1e308',
  'NaN',
  'Infinity',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T25:61:61Z',
  'true',
  '[]',
  '{}',
];

export const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A plausible value for a schema, using real ids where the field names one. */
export function exampleOf(schema: JsonSchema, pool: IdPool, name = '', depth = 0): unknown {
  if (!schema || depth > 8) {
    return null;
  }
  if (schema.const !== undefined) {
    return schema.const;
  }
  if (Array.isArray(schema.enum)) {
    return schema.enum[0];
  }
  const alt = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alt)) {
    const nonNull = alt.find((s: JsonSchema) => s.type !== 'null') ?? alt[0];
    return exampleOf(nonNull, pool, name, depth + 1);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return exampleOf(schema.allOf[0], pool, name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props: Record<string, JsonSchema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      // LocalizedText and the like require "at least one" of optional keys: fill them all.
      const fillAll = required.size === 0 || Object.keys(props).length <= 3;
      for (const [key, inner] of Object.entries(props)) {
        if (required.has(key) || fillAll) {
          out[key] = exampleOf(inner, pool, key, depth + 1);
        }
      }
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: n }, () => exampleOf(schema.items, pool, name, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
      return Math.min(min, schema.maximum ?? min);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return exampleString(schema, pool, name);
    default:
      return 'x';
  }
}

function exampleString(schema: JsonSchema, pool: IdPool, name: string): string {
  if (schema.format === 'date') {
    return '2026-03-02';
  }
  if (schema.format === 'date-time') {
    return '2026-03-02T10:00:00.000Z';
  }
  if (schema.format === 'email') {
    return 'hostile@example.org';
  }
  const pattern = String(schema.pattern ?? '');
  if (pattern.includes('[A-Z]{3}')) {
    return pool.memberState;
  }
  if (pattern.includes(':[0-5]')) {
    return '10:00';
  }
  if (/sha|[a-f0-9]\]\{64\}/i.test(pattern) || name === 'sha256') {
    return pool.sha256;
  }
  const idField = /^(.*)Id$/.exec(name)?.[1];
  if (idField) {
    const resource: Record<string, string> = {
      body: 'bodies',
      meeting: 'meetings',
      parentMeeting: 'meetings',
      councilMeeting: 'meetings',
      decision: 'decisions',
      document: 'documents',
      person: 'persons',
      chairPerson: 'persons',
      rapporteurPerson: 'persons',
      organization: 'organizations',
      project: 'projects',
      program: 'programs',
      standard: 'standards',
      consultation: 'consultations',
    };
    const r = resource[idField];
    if (r && pool.byResource[r]) {
      return pool.byResource[r];
    }
    if (pool.child[name]) {
      return pool.child[name];
    }
  }
  if (name === 'timeZone') {
    return 'Europe/Moscow';
  }
  if (name === 'memberState' || name === 'country') {
    return pool.memberState;
  }
  const min = schema.minLength ?? 1;
  return 'hostile'.padEnd(min, 'x').slice(0, schema.maxLength ?? 100);
}

/** A value of the wrong JSON type for a schema. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(true),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  nastyString,
  fc.constant([[['deep']]]),
  fc.constant({ en: 42 }),
);

const POLLUTION = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty'];

/** A raw JSON text (not a JS value: JSON.stringify cannot write 1e308, -0 or 1e999 literally). */
export interface RawBody {
  text: string;
  label: string;
}

const setAt = (
  target: Record<string, unknown>,
  key: string,
  placeholder: string,
): Record<string, unknown> => ({ ...target, [key]: placeholder });

/** Mutations of a valid example body: each should be refused by validation or the rules. */
export function mutatedBody(example: unknown): fc.Arbitrary<RawBody> {
  const obj =
    example && typeof example === 'object' && !Array.isArray(example)
      ? (example as Record<string, unknown>)
      : {};
  const keys = Object.keys(obj);
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  const j = (v: unknown) => JSON.stringify(v);
  return fc.oneof(
    key.map((k) => {
      const { [k]: _, ...rest } = obj;
      return { text: j(rest), label: `without ${k}` };
    }),
    fc
      .tuple(key, wrongType)
      .map(([k, v]) => ({ text: j({ ...obj, [k]: v }), label: `${k} of wrong type` })),
    fc
      .tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([k, v]) => ({ text: j({ ...obj, [`x-${k}`]: v }), label: 'extra field' })),
    fc
      .tuple(key, fc.constantFrom('1e308', '-0', '1e999', '-1e999', '"NaN"', '0.1e-400'))
      .map(([k, literal]) => ({
        text: j(setAt(obj, k, '@@N@@')).replace('"@@N@@"', literal),
        label: `${k} = ${literal}`,
      })),
    fc
      .tuple(
        key,
        fc.constantFrom('2026-02-30', '2025-02-29', '2026-00-10', '10000-01-01', '2026-1-1'),
      )
      .map(([k, date]) => ({ text: j({ ...obj, [k]: date }), label: `${k} = ${date}` })),
    fc.tuple(key, fc.integer({ min: 1000, max: 20000 })).map(([k, n]) => ({
      text: j({ ...obj, [k]: Array.from({ length: n }, () => obj[k] ?? 1) }),
      label: `${k} as ${n} items`,
    })),
    fc
      .tuple(key, fc.constantFrom('\\u0000', '\\ud800', '\\udfff', '\\u202e', '\\uffff'))
      .map(([k, esc]) => ({
        text: j(setAt(obj, k, '@@S@@')).replace('"@@S@@"', `"a${esc}b"`),
        label: `${k} with ${esc}`,
      })),
    fc.tuple(key, fc.constantFrom(...POLLUTION)).map(([k, p]) => ({
      // Written by hand: an object literal would set the prototype rather than a key.
      text: `${j(obj).slice(0, -1)}${keys.length ? ',' : ''}"${p}":{"polluted":true,"${k}":1}}`,
      label: `${p} key`,
    })),
  );
}

const deepNesting = fc.integer({ min: 100, max: 50_000 }).map((n) => ({
  text: `${'['.repeat(n)}${']'.repeat(n)}`,
  label: `nested ${n} deep`,
}));

const deepObject = fc.integer({ min: 100, max: 20_000 }).map((n) => ({
  text: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  label: `object nested ${n} deep`,
}));

/** A string field that brings the body just under (or over) the 1 MiB limit. */
const hugeString = fc.integer({ min: -64, max: 64 }).map((delta) => {
  const size = 1024 * 1024 - 20 + delta;
  return { text: `{"title":{"en":"${'A'.repeat(size)}"}}`, label: `body of ${size + 20} bytes` };
});

const brokenJson = fc.constantFrom(
  '{',
  '{"a":}',
  "{'a':1}",
  '[1,2,',
  '\u0000',
  '{"a":1}garbage',
  '{"a":1,"a":2}',
  'NaN',
  '"string"',
  '123',
  'true',
  'null',
  '',
  '\ufeff{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
);

/** Any body a client could send: generated JSON, broken JSON, pathological shapes, mutations. */
export function hostileBody(example: unknown): fc.Arbitrary<RawBody> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedBody(example) },
    {
      weight: 2,
      arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({
        text: JSON.stringify(v) ?? 'null',
        label: 'generated JSON',
      })),
    },
    { weight: 1, arbitrary: brokenJson.map((text) => ({ text, label: 'broken JSON' })) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: deepObject },
    { weight: 1, arbitrary: hugeString },
  );
}

const hostileQueryValue = fc.oneof(
  nastyString,
  fc.constantFrom('-1', '0', '201', '1.5', '1e3', '0x10', ' 5', 'abc', 'true', '[]'),
  fc.integer({ min: 600, max: 8000 }).map((n) => 'c'.repeat(n)),
  fc.base64String({ minLength: 4, maxLength: 200 }),
  fc.constantFrom(
    Buffer.from('{"k":["\'",1],"id":"x"}').toString('base64url'),
    Buffer.from('not json').toString('base64url'),
    Buffer.from('[null,1e308]').toString('base64url'),
  ),
);

/** A query string: the route's own parameters with wrong values, repeated keys and arrays. */
export function hostileQuery(route: Route): fc.Arbitrary<string> {
  const names = route.params.filter((p) => p.in === 'query').map((p) => p.name);
  const name = fc.oneof(
    { weight: 4, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'x[y]', 'a.b', '') },
  );
  const pair = fc.oneof(
    fc.tuple(name, hostileQueryValue).map(([k, v]) => `${enc(k)}=${enc(v)}`),
    // Repeated keys arrive as arrays.
    fc
      .tuple(name, hostileQueryValue, hostileQueryValue)
      .map(([k, a, b]) => `${enc(k)}=${enc(a)}&${enc(k)}=${enc(b)}`),
    fc.tuple(name, hostileQueryValue).map(([k, v]) => `${enc(k)}[]=${enc(v)}&${enc(k)}[x]=1`),
    name.map((k) => enc(k)),
    fc.constantFrom('%', '%zz', '%c0%af', '%ff', '&&&', '=', '%E2%80%AE'),
  );
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
}

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    // A lone surrogate cannot be encoded: send its raw UTF-16 code unit escaped by hand.
    return [...s].map((c) => `%${(c.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`).join('');
  }
};

/** A hostile value for a path segment (already in its encoded form). */
export const hostileSegment = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '..%2f..%2fetc%2fpasswd',
    '..%2F',
    '%2e%2e',
    '%00',
    'a%00b',
    '%2f',
    '%5c..%5c',
    '-1',
    '0',
    '1e9',
    '99999999999999999999',
    '%20',
    '%E2%80%AE',
    '%ED%A0%80',
    '%ff%fe',
    "'%20or%201=1",
    '%25',
    'null',
    '__proto__',
    'constructor',
    'ARM%00',
    'arm',
    'XXXX',
  ),
  fc.integer({ min: 65, max: 400 }).map((n) => 'a'.repeat(n)),
  fc.uuid().map((u) => u),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }).map((s) => enc(s)),
);

/** Header sets a client could send: broken preconditions, keys, types, languages, credentials. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'if-match': fc.constantFrom(
        'W/"x"',
        '*',
        '"abc"',
        '"99999999999999999"',
        '"-1"',
        'garbage',
        '"1", "2"',
        `"${'9'.repeat(5000)}"`,
        '',
      ),
      'idempotency-key': fc.constantFrom(
        '',
        ' ',
        'k'.repeat(201),
        'k'.repeat(5000),
        '\u00e9t\u00e9',
        'key',
      ),
      'content-type': fc.constantFrom(
        'text/plain',
        'multipart/form-data',
        'application/json; charset=utf-16',
        'application/json; charset=iso-8859-1',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json;;;',
        '',
        '*/*',
      ),
      'accept-language': fc.constantFrom(
        '',
        '*',
        'xx',
        'ru;q=abc',
        `${'en,'.repeat(2000)}ru`,
        'ru-RU-x-',
        '%%',
      ),
      authorization: fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer x',
        `Bearer ${'x'.repeat(5000)}`,
        'Basic YWRtaW46YWRtaW4=',
        'garbage',
        'Bearer plenum_\u00e9',
        'bearer  two  spaces',
      ),
      cookie: fc.constantFrom(
        'plenum_session=a; plenum_session=b',
        'plenum_session=',
        `plenum_session=${'x'.repeat(5000)}`,
        'plenum_session=%zz',
        '=; ;;',
        'plenum_session="quoted"',
      ),
      'x-csrf-token': fc.constantFrom('', 'x', 'y'.repeat(3000)),
      'x-plenum-language': fc.constantFrom('xx', '', 'ru,en'),
      accept: fc.constantFrom('text/html', 'application/xml', '*/*;q=abc', ''),
      'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity, gzip'),
    },
    { requiredKeys: [] },
  )
  .filter((h) => Object.keys(h).length > 0);
