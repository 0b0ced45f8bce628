import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { errorBodySchema } from '@parley/contracts';
import { z } from 'zod';

/**
 * The OpenAPI document is generated from the same zod contracts that validate requests and type the web app.
 * The document is OpenAPI 3.0, so schemas use zod's OpenAPI 3.0 dialect (`nullable`, no `$schema`): JSON
 * Schema 2020-12 inside a 3.0 document is rejected by standard parsers and breaks generated clients.
 */
export const schemaOf = (schema: z.ZodType): SchemaObject =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as SchemaObject;

/** The error statuses a route can answer besides 401/403 (which its access rule documents). */
type ErrorStatus = 400 | 404 | 409 | 422 | 428 | 429 | 502 | 503;

const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  400: 'The request is not valid; `problems` lists each field at fault. Nothing was changed.',
  404: 'Not found, or in a department you cannot see.',
  409: 'Conflict: someone changed it since the version you sent, or it already exists. Nothing was changed.',
  422: 'The content could not be read (for example, a feed that is not RSS, Atom or JSON Feed).',
  428: 'The change must name the version it was made from (`expectedVersion`).',
  429: 'Too many attempts; the message says when to try again.',
  502: 'Another service (a Mastodon or Bluesky server) refused or failed; the message says what to do.',
  503: 'Postgres or Redis is not answering.',
};

export type EndpointDoc = {
  summary: string;
  description?: string;
  /** Path parameters: name → meaning. */
  params?: Record<string, string>;
  /** Query parameters, documented one by one from their contract schema. */
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `file`: a download (CSV, ZIP) of that media type rather than JSON. */
  ok: { status?: number; description: string; schema?: z.ZodType; file?: string };
  errors?: ErrorStatus[];
};

const queryParameters = (query: z.ZodObject): MethodDecorator[] => {
  const json = schemaOf(query) as { properties?: Record<string, SchemaObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) =>
    ApiQuery({
      name,
      required: json.required?.includes(name) ?? false,
      description: schema.description,
      schema,
    }),
  );
};

/** What a route does, its inputs and its answers, in one place per route. */
export const Endpoint = (doc: EndpointDoc) =>
  applyDecorators(
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ...Object.entries(doc.params ?? {}).map(([name, description]) =>
      ApiParam({ name, description, schema: { type: 'string' } }),
    ),
    ...(doc.query ? queryParameters(doc.query) : []),
    ...(doc.body ? [ApiBody({ schema: schemaOf(doc.body) })] : []),
    ApiResponse({
      status: doc.ok.status ?? 200,
      description: doc.ok.description,
      ...(doc.ok.schema ? { schema: schemaOf(doc.ok.schema) } : {}),
      ...(doc.ok.file
        ? { content: { [doc.ok.file]: { schema: { type: 'string', format: 'binary' } } } }
        : {}),
    }),
    ...(doc.errors ?? []).map((status) =>
      ApiResponse({ status, description: ERROR_MEANINGS[status], schema: schemaOf(errorBodySchema) }),
    ),
  );
