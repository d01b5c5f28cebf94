import { randomBytes } from 'node:crypto';

/** The part of JSON Schema that the OpenAPI document of the API uses. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/** One API operation made concrete: a request with an injection marker (`*`) at each point. */
export interface Target {
  /** `GET /api/v1/meetings/{id}`: the operation as the OpenAPI document names it. */
  operation: string;
  method: string;
  template: string;
  /** The URL with `*` after each marked value (the path's ids and the query's values). */
  url: string;
  /** The JSON body with `*` at the end of each marked string, or null. */
  body: string | null;
  /** Marked points, for the report: `path:id`, `query:q`, `body:title.en`. */
  points: string[];
  /** The URL without markers, for crawlers (wapiti) that attack query values themselves. */
  plainUrl: string;
}

export interface TargetOptions {
  /** Short form: mark free-text strings only (not enums, ids with a pattern, numbers). */
  freeTextOnly: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const MARK = '\u0000MARK';
const rand = () => randomBytes(3).toString('hex');

/** A status filter each list accepts, so the unmarked request answers 200 rather than 400. */
const STATUS_BY_COLLECTION: Record<string, string> = {
  decisions: 'in_progress',
  meetings: 'held',
  documents: 'draft',
  news: 'published',
  consultations: 'open',
  standards: 'adopted',
  programs: 'active',
  projects: 'active',
  proposals: 'open',
  'member-states': 'member',
};

/** Which list holds the ids a field named `<x>Id` or `<x>Ids` refers to. */
const ID_COLLECTIONS: Record<string, string> = {
  body: '/bodies',
  parent: '/bodies',
  assigneeBody: '/bodies',
  meeting: '/meetings',
  parentMeeting: '/meetings',
  councilMeeting: '/meetings',
  person: '/persons',
  chairPerson: '/persons',
  rapporteurPerson: '/persons',
  document: '/documents',
  decision: '/decisions',
  project: '/projects',
  program: '/programs',
  organization: '/organizations',
  responsibleOrganization: '/organizations',
  assignment: '/assignments',
  entity: '/decisions',
  user: '/users',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listItems(json: unknown): Record<string, unknown>[] {
  const items = isObject(json) && Array.isArray(json.items) ? json.items : json;
  return Array.isArray(items) ? items.filter(isObject) : [];
}

/** Reads the demo through the API (as the secretariat) to fill ids and cursors. */
export class Catalog {
  private readonly cache = new Map<string, unknown>();
  readonly shas = new Set<string>();
  /** Ids that must be used for these path prefixes (records made for the scan). */
  readonly fixed = new Map<string, string>();
  loginEmail = '';
  loginPassword = '';

  constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {}

  async get(pathAndQuery: string): Promise<{ status: number; json: unknown }> {
    const cached = this.cache.get(pathAndQuery) as { status: number; json: unknown } | undefined;
    if (cached) {
      return cached;
    }
    let result = { status: 0, json: null as unknown };
    try {
      const res = await fetch(`${this.origin}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(20_000),
      });
      const type = res.headers.get('content-type') ?? '';
      let json: unknown = null;
      if (type.includes('json')) {
        json = await res.json();
      } else {
        await res.arrayBuffer();
      }
      result = { status: res.status, json };
      this.collectShas(json);
    } catch {
      // a stream or a timeout: no data
    }
    this.cache.set(pathAndQuery, result);
    return result;
  }

  private collectShas(json: unknown): void {
    const text = JSON.stringify(json ?? null);
    for (const m of text.matchAll(/"(?:sha256|fileSha256)":"([0-9a-f]{64})"/g)) {
      if (m[1]) {
        this.shas.add(m[1]);
      }
    }
  }

  async ids(collection: string): Promise<string[]> {
    const { json } = await this.get(`/api/v1${collection}?limit=20`);
    return listItems(json)
      .map((i) => i.id)
      .filter((id): id is string => typeof id === 'string');
  }

  /** Values that may stand for a path parameter under `collection` (a concrete path). */
  async candidates(param: string, collection: string): Promise<string[]> {
    for (const [prefix, id] of this.fixed) {
      if (`${collection}/{${param}}`.startsWith(prefix)) {
        return [id];
      }
    }
    if (param === 'kind' && collection.endsWith('/imports')) {
      return ['persons', 'organizations'];
    }
    const { status, json } = await this.get(collection);
    const items = status === 200 ? listItems(json) : [];
    const key =
      param === 'code' || param === 'number' || param === 'sequence' || param === 'sha256'
        ? param
        : param === 'memberState'
          ? null
          : 'id';
    if (param === 'memberState') {
      // Prefer the states the parent names (a consultation's or proposal's invited states).
      const parent = await this.get(collection.replace(/\/[^/]+$/, ''));
      const named = isObject(parent.json) ? parent.json.memberStates : null;
      return Array.isArray(named) && named.length > 0 ? named.map(String) : STATES;
    }
    const values = items
      .map((i) => i[key ?? 'id'])
      .filter((v) => v !== undefined && v !== null)
      .map(String);
    if (values.length === 0 && param === 'sha256') {
      return [...this.shas];
    }
    return values;
  }

  async idFor(field: string): Promise<string> {
    const stem = field.replace(/Ids?$/, '');
    if (stem === 'agendaItem') {
      for (const meeting of await this.ids('/meetings')) {
        const items = listItems((await this.get(`/api/v1/meetings/${meeting}/agenda-items`)).json);
        const id = items[0]?.id;
        if (typeof id === 'string') {
          return id;
        }
      }
    }
    if (stem === 'version') {
      for (const doc of await this.ids('/documents')) {
        const items = listItems((await this.get(`/api/v1/documents/${doc}/versions`)).json);
        const id = items[0]?.id;
        if (typeof id === 'string') {
          return id;
        }
      }
    }
    if (stem === 'measure') {
      for (const program of await this.ids('/programs')) {
        const items = listItems((await this.get(`/api/v1/programs/${program}/measures`)).json);
        const id = items[0]?.id;
        if (typeof id === 'string') {
          return id;
        }
      }
    }
    const collection = ID_COLLECTIONS[stem];
    const ids = collection ? await this.ids(collection) : [];
    return ids[0] ?? '01a00000-0000-7000-8000-000000000000';
  }
}

/** The first schema of a union that is not `null`. */
function concrete(schema: Schema | undefined): Schema {
  if (!schema) {
    return {};
  }
  const options = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (options) {
    return concrete(options.find((o) => o.type !== 'null') ?? options[0]);
  }
  return schema;
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** A string without enum, format or pattern and not an id: text a user types. */
function isFreeText(name: string, schema: Schema): boolean {
  return (
    typeOf(schema) === 'string' &&
    !schema.enum &&
    !schema.format &&
    !schema.pattern &&
    !/Ids?$/.test(name) &&
    name !== 'id'
  );
}

function fit(value: string, schema: Schema): string {
  let v = value;
  if (schema.minLength && v.length < schema.minLength) {
    v = v.padEnd(schema.minLength, 'x');
  }
  if (schema.maxLength !== undefined && v.length > schema.maxLength) {
    v = v.slice(0, schema.maxLength);
  }
  return v;
}

/** A value for a string field that its schema (and the service behind it) accepts. */
async function sampleString(
  name: string,
  schema: Schema,
  catalog: Catalog,
  context: string,
): Promise<string> {
  if (schema.enum && schema.enum.length > 0) {
    return String(schema.enum[0]);
  }
  if (schema.const !== undefined) {
    return String(schema.const);
  }
  const pattern = schema.pattern ?? '';
  if (schema.format === 'date' || pattern.includes('02-29')) {
    return name.endsWith('To') || name === 'to' ? '2027-12-31' : '2026-12-15';
  }
  if (schema.format === 'date-time') {
    return new Date(Date.now() + 86_400_000).toISOString();
  }
  if (schema.format === 'email' || name === 'email') {
    return context.endsWith('/auth/login') ? catalog.loginEmail : `scan-${rand()}@example.org`;
  }
  if (pattern === '^[0-9a-f]{64}$') {
    return [...catalog.shas][0] ?? '0'.repeat(64);
  }
  if (pattern === '^[A-Z]{3}$') {
    if (name === 'code') {
      // a new member state's code: three letters no demo state has
      return `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
    }
    return 'ARM';
  }
  if (name === 'slug') {
    return `scan-${rand()}`;
  }
  if (name === 'startTime') {
    return '10:00';
  }
  if (name === 'timeZone') {
    return 'Europe/Moscow';
  }
  if (name === 'lang' || name === 'language') {
    return 'en';
  }
  if (/password/i.test(name)) {
    return context.endsWith('/auth/login') ? catalog.loginPassword : `Scan-${rand()}-password-2026`;
  }
  if (/Ids?$/.test(name)) {
    return catalog.idFor(name);
  }
  if (name === 'status') {
    const collection = /\/api\/v1\/([a-z-]+)/.exec(context)?.[1] ?? '';
    return STATUS_BY_COLLECTION[collection] ?? 'active';
  }
  if (name === 'returnTo') {
    return '/app/';
  }
  if (name === 'q') {
    return 'cooperation';
  }
  if (name === 'cursor') {
    return 'scan';
  }
  if (pattern) {
    for (const candidate of ['sample', 'ARM', '2026-12-15', '10:00', '1', 'a']) {
      if (new RegExp(pattern).test(candidate)) {
        return candidate;
      }
    }
  }
  return fit(`Security scan ${name}`, schema);
}

interface Built {
  value: unknown;
  marks: string[];
}

/** A JSON value for `schema`, with MARK appended to each string to be marked. */
async function sampleValue(
  name: string,
  path: string,
  raw: Schema | undefined,
  catalog: Catalog,
  context: string,
  opts: TargetOptions,
): Promise<Built> {
  const schema = concrete(raw);
  const type = typeOf(schema);
  if (schema.enum || schema.const !== undefined || type === 'string') {
    const value = await sampleString(name, schema, catalog, context);
    if (opts.freeTextOnly && !isFreeText(name, schema)) {
      return { value, marks: [] };
    }
    return { value: value + MARK, marks: [path] };
  }
  if (type === 'integer' || type === 'number') {
    // 1: the first version, revision or page exists; the minimum when it is higher.
    return { value: Math.max(schema.minimum ?? 1, 1), marks: [] };
  }
  if (type === 'boolean') {
    return { value: false, marks: [] };
  }
  if (type === 'array') {
    const count = Math.max(1, schema.minItems ?? 1);
    const values: unknown[] = [];
    const marks: string[] = [];
    for (let i = 0; i < count; i++) {
      const item = await sampleValue(name, `${path}[${i}]`, schema.items, catalog, context, opts);
      values.push(item.value);
      marks.push(...item.marks);
    }
    return { value: values, marks };
  }
  if (type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    const marks: string[] = [];
    const required = new Set(schema.required ?? []);
    const localized = !!schema.properties?.en && !!schema.properties?.ru;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      const c = concrete(sub);
      // Optional fields only when free text, a LocalizedText or a date: others have cross-field rules
      // (an agenda item of that meeting, a number only without a meeting) that would turn the
      // unmarked request into a 4xx and so hide the code behind it from the scanner.
      const optionalText =
        isFreeText(key, c) || (!!c.properties?.en && !!c.properties?.ru) || c.format === 'date';
      if (!required.has(key) && !localized && !optionalText) {
        continue;
      }
      const built = await sampleValue(key, `${path}.${key}`, sub, catalog, context, opts);
      out[key] = built.value;
      marks.push(...built.marks);
    }
    return { value: out, marks };
  }
  return { value: null, marks: [] };
}

function markedJson(value: unknown): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(MARK).slice(1, -1), '*');
}

function unmarkedJson(value: unknown): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(MARK).slice(1, -1), '');
}

/**
 * A cursor the list accepts when the demo has a single page of it: the cursors are base64url JSON
 * arrays of the sort key and the id, so a few shapes are tried.
 */
async function fabricateCursor(
  catalog: Catalog,
  path: string,
  filters: string,
): Promise<string | null> {
  for (const shape of [['0'], ['0', '0'], [0, '0'], ['0', '0', '0']]) {
    const cursor = Buffer.from(JSON.stringify(shape)).toString('base64url');
    const { status } = await catalog.get(`${path}?limit=1${filters}&cursor=${cursor}`);
    if (status === 200) {
      return cursor;
    }
  }
  return null;
}

/**
 * Fills the path parameters of `template` with ids of the demo, trying a few parents until the
 * children exist (a meeting with participants for `/meetings/{id}/participants/{participantId}`)
 * and, for a GET, until the path answers 2xx.
 */
async function resolvePath(
  template: string,
  method: string,
  catalog: Catalog,
): Promise<{ path: string; values: Record<string, string> } | null> {
  const segments = template.split('/');
  const walk = async (
    i: number,
    built: string[],
    values: Record<string, string>,
  ): Promise<{ path: string; values: Record<string, string> } | null> => {
    if (i === segments.length) {
      return { path: built.join('/'), values };
    }
    const segment = segments[i] ?? '';
    const param = /\{(\w+)\}/.exec(segment)?.[1];
    if (!param) {
      return walk(i + 1, [...built, segment], values);
    }
    const candidates = (await catalog.candidates(param, built.join('/'))).slice(0, 6);
    const last = !segments.slice(i + 1).some((s) => s.includes('{'));
    let fallback: { path: string; values: Record<string, string> } | null = null;
    for (const candidate of candidates) {
      const next = [...built, segment.replace(`{${param}}`, candidate)];
      const result = await walk(i + 1, next, { ...values, [param]: candidate });
      if (!result) {
        continue;
      }
      if (!last || method !== 'get') {
        return result;
      }
      fallback ??= result;
      const { status } = await catalog.get(result.path);
      if (status >= 200 && status < 300) {
        return result;
      }
    }
    return fallback;
  };
  return walk(0, [], {});
}

/** Every operation of the OpenAPI document as a concrete request (null when it cannot be). */
export async function buildTargets(
  openapi: OpenApi,
  catalog: Catalog,
  opts: TargetOptions,
  include: (method: string, template: string, op: Operation) => boolean,
): Promise<{ targets: Target[]; unresolved: string[] }> {
  const targets: Target[] = [];
  const unresolved: string[] = [];
  for (const [template, ops] of Object.entries(openapi.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op || !include(method, template, op)) {
        continue;
      }
      const operation = `${method.toUpperCase()} ${template}`;
      const resolved = await resolvePath(template, method, catalog);
      if (!resolved) {
        unresolved.push(operation);
        continue;
      }
      const points: string[] = [];
      let url = template;
      let plainUrl = resolved.path;
      for (const [param, value] of Object.entries(resolved.values)) {
        // The marker goes right after the value inside its segment (`{id}.akn.xml` too).
        const marked = !(opts.freeTextOnly && /^[0-9a-f-]{36}$/.test(value));
        url = url.replace(`{${param}}`, `${encodeURIComponent(value)}${marked ? '*' : ''}`);
        if (marked) {
          points.push(`path:${param}`);
        }
      }
      const query: string[] = [];
      const plainQuery: string[] = [];
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const values = new Map<string, { value: string; marked: boolean }>();
      for (const p of queryParams) {
        if (p.name === 'cursor') {
          continue;
        }
        const built = await sampleValue(p.name, `query:${p.name}`, p.schema, catalog, template, {
          freeTextOnly: opts.freeTextOnly,
        });
        values.set(p.name, {
          value: p.name === 'limit' ? '10' : String(built.value).replace(MARK, ''),
          marked: built.marks.length > 0 || !opts.freeTextOnly,
        });
      }
      if (queryParams.some((p) => p.name === 'cursor')) {
        // A real cursor of this very list (it is bound to the list's filters and order): it is
        // decoded and compared in SQL, the likeliest place for a slip.
        const filters = [...values]
          .filter(([name]) => name !== 'limit')
          .map(([name, v]) => `&${name}=${encodeURIComponent(v.value)}`)
          .join('');
        let list = await catalog.get(`${resolved.path}?limit=1${filters}`);
        if (!(isObject(list.json) && typeof list.json.nextCursor === 'string')) {
          list = await catalog.get(`${resolved.path}?limit=1`);
        }
        const next = isObject(list.json) ? list.json.nextCursor : null;
        const cursor =
          typeof next === 'string' ? next : await fabricateCursor(catalog, resolved.path, filters);
        if (cursor) {
          values.set('cursor', { value: cursor, marked: true });
        }
      }
      for (const p of queryParams) {
        const v = values.get(p.name);
        if (!v) {
          continue;
        }
        query.push(`${p.name}=${encodeURIComponent(v.value)}${v.marked ? '*' : ''}`);
        plainQuery.push(`${p.name}=${encodeURIComponent(v.value)}`);
        if (v.marked) {
          points.push(`query:${p.name}`);
        }
      }
      if (query.length > 0) {
        url += `?${query.join('&')}`;
        plainUrl += `?${plainQuery.join('&')}`;
      }
      let body: string | null = null;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) {
        const built = await sampleValue('', 'body', schema, catalog, template, opts);
        body = markedJson(built.value);
        points.push(...built.marks.map((m) => m.replace(/^body\.?/, 'body:')));
        if (built.marks.length === 0) {
          body = unmarkedJson(built.value);
        }
      }
      targets.push({ operation, method, template, url, body, points, plainUrl });
    }
  }
  return { targets, unresolved };
}
