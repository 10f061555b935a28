// The OpenAPI 3.1 description, generated from the route table: the same zod schemas that parse
// the requests and check the answers, so it cannot drift from what the API does. Each operation
// carries its access rule as `x-access` (roles and scope) and its security requirement.
import { z, type ZodType } from 'zod';
import { apiError } from '../contracts/demand.ts';
import { SESSION_COOKIE } from './auth/principal.ts';
import type { AnyRoute } from './route.ts';

type Json = Record<string, unknown>;

const schemaOf = (schema: ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;

function stripDialect(s: Json): Json {
  const { $schema: _dialect, ...rest } = s;
  return rest;
}

function parametersOf(schema: ZodType | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const s = stripDialect(schemaOf(schema, 'input'));
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name, in: where, required: where === 'path' || required.has(name),
    ...(p.description ? { description: p.description } : {}),
    schema: p,
  }));
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });

export function openApiDocument(routes: readonly AnyRoute[], info: { title: string; version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const access = route.access;
    const isPublic = access.scope.kind === 'public';
    const status = String(route.status ?? 200);
    const responses: Json = {
      [status]: route.response
        ? { description: 'Success', content: { 'application/json': { schema: stripDialect(schemaOf(route.response as ZodType, 'output')) } } }
        : { description: status === '204' ? 'Done; no body' : 'Success' },
      400: error('A parameter or the body is invalid; `field` names it'),
      ...(isPublic ? {} : { 401: error('Not signed in, or the session or token is no longer valid'), 403: error('The role may not call this, or the request is outside the caller\'s scope') }),
      429: error('Too many requests; see Retry-After'),
      503: error('The warehouse is busy or unreachable; try again shortly'),
    };
    (paths[path] ??= {})[route.method] = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/(^|[/_.-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parametersOf(route.params as ZodType | undefined, 'path'), ...parametersOf(route.query as ZodType | undefined, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: stripDialect(schemaOf(route.body as ZodType, 'input')) } } } } : {}),
      responses,
      security: isPublic ? [] : [{ session: [] }, { bearer: [] }],
      'x-access': {
        roles: isPublic ? ['anyone'] : access.roles,
        scope: access.scope,
        ...(access.loopback ? { loopback: 'also anonymous callers on the host\'s loopback interface' } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Chuxiong rural consumption data platform. Every operation names who may call it (`x-access`).' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { ApiError: stripDialect(schemaOf(apiError.extend({ scope: z.unknown().optional() }), 'output')) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/session.' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token made by POST /api/account/tokens or `npm run user -- token create`.' },
      },
    },
  };
}
