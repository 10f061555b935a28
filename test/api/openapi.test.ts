// GET /api/openapi.json: a valid OpenAPI 3.1 document (checked by an independent validator) with
// every route of the table, its parameters and bodies from the same zod schemas, and its access rule.
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestApp, type TestApp } from '../fixtures/app.ts';

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  t = await openTestApp({ accounts: [], extra: { metrics: () => '' } });
  const res = await request(t.app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t.close());

test('the document is valid OpenAPI 3.1', async () => {
  const result = await new Validator().validate(doc as never);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(doc.openapi).toBe('3.1.0');
});

test('every route of the table is described, with its access rule', () => {
  const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  expect(described).toEqual(t.locals.routes.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort());
  expect(doc.paths['/api/demand/heatmap']!.get!['x-access']).toEqual({ roles: ['merchant', 'official', 'analyst'], scope: { kind: 'area', param: 'area' } });
  expect(doc.paths['/api/accounts']!.post!['x-access']).toEqual({ roles: ['admin'], scope: { kind: 'platform', why: 'account management' } });
  expect(doc.paths['/api/session']!.post!['x-access']).toEqual({ roles: ['anyone'], scope: { kind: 'public', why: 'signing in' } });
  expect(doc.paths['/metrics']!.get!['x-access']).toMatchObject({ roles: ['admin'], loopback: expect.any(String) });
});

test('parameters and bodies come from the zod schemas the API validates with', () => {
  const heatmap = doc.paths['/api/demand/heatmap']!.get! as { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { content?: { 'application/json': { schema: { properties: Record<string, unknown> } } } }> };
  expect(heatmap.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
    ['area', 'query', false], ['category', 'query', false], ['from', 'query', false], ['to', 'query', false],
  ]);
  expect(Object.keys(heatmap.responses['200']!.content!['application/json'].schema.properties)).toEqual(
    ['area', 'path', 'childLevel', 'category', 'from', 'to', 'rows', 'weeks', 'partialThrough', 'cells', 'suppressed', 'suppressionThreshold']);
  const signIn = doc.paths['/api/session']!.post! as { requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
  expect(signIn.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
  const store = doc.paths['/api/stores/{id}']!.get! as { parameters: { name: string; in: string }[] };
  expect(store.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
});
