import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import { TestApiClient, createTestEnvironment, type TestEnvironment } from '@parley/testing';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.factory';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of the document, as `METHOD /path` with its definition. */
const operationsOf = (doc: OpenAPIV3.Document) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ route: `${method.toUpperCase()} ${path}`, path, operation }] : [];
    }),
  );

describe('the OpenAPI document', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let doc: OpenAPIV3.Document;

  beforeAll(async () => {
    env = await createTestEnvironment();
    app = await createApp(loadConfig());
    await app.listen(0, '127.0.0.1');
    const response = await new TestApiClient(await app.getUrl()).get<OpenAPIV3.Document>(
      '/api/docs/openapi.json',
    );
    expect(response.status).toBe(200);
    doc = response.body;
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('validates against the OpenAPI specification, so generated clients work', async () => {
    // validate() dereferences in place; give it a copy so the other checks see the document as served.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('describes every operation, its path parameters and its error answers', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(10);
    for (const { route, path, operation } of operations) {
      expect(operation.summary, `${route} has a summary`).toBeTruthy();
      const documented = new Set(
        (operation.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : [])),
      );
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        expect(documented.has(name), `${route} documents its path parameter ${name}`).toBe(true);
      }
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${route} documents its success`,
      ).toBe(true);
      if (operation.security?.length !== 0) {
        expect(statuses, `${route} documents 401`).toContain('401');
      }
    }
  });

  it('lists the inbox query parameters', () => {
    const inbox = doc.paths['/api/conversations']?.get;
    const names = (inbox?.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(names).toEqual(expect.arrayContaining(['department', 'sort', 'limit', 'cursor']));
  });

  it('names the two ways to sign in, neither of them a JWT, and marks public routes as such', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      token: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'parley_session' },
    });
    expect(JSON.stringify(doc.components?.securitySchemes)).not.toContain('JWT');
    expect(doc.security).toEqual([{ token: [] }, { session: [] }]);
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
  });
});
