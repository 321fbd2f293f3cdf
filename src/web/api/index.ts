/**
 * @module web/api
 * The JSON API under /api/v1, as one Fastify plugin: every route validated by the zod schemas of
 * web/api/schemas through fastify-type-provider-zod, the OpenAPI 3.1 document generated from
 * those same schemas at /api/v1/openapi.json, and a conditional GET (ETag, 304) on every answer.
 * A request that does not validate is an ApiError (400, invalid_request, naming the field), so
 * the server's one error mapping gives it the one JSON error shape.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { WebDeps } from '../deps.js';
import { conditionalGet } from './cache.js';
import { commentApiRoutes } from '../comments/api.js';
import type { CommunityContext } from '../comments/context.js';
import { ApiError } from './errors.js';
import { named } from './schemas.js';
import { recordRoutes } from './record-routes.js';
import { registryRoutes } from './registry-routes.js';

export interface ApiOptions {
  deps: WebDeps;
  /** What the comments' routes share with the pages' comment forms. */
  community: CommunityContext;
}

/**
 * "query.limit: Too big: expected number to be <=500", one per field at fault (a form-like body
 * says all it got wrong at once). Never the value sent: a comment's address must not come back.
 */
function validationError(errors: { instancePath?: string; message?: string }[], part: string): ApiError {
  const problems = errors.slice(0, 8).map((e) => {
    const field = (e.instancePath ?? '').split('/').filter(Boolean).join('.');
    return `${field ? `${part}.${field}` : part}: ${e.message ?? 'invalid'}`;
  });
  return new ApiError('invalid_request', [...new Set(problems)].join('; ') || `${part}: invalid`);
}

export async function apiRoutes(app: FastifyInstance, { deps, community }: ApiOptions): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setSchemaErrorFormatter((errors, part) =>
    validationError(errors, part === 'querystring' ? 'query' : part),
  );
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'warrant-watch',
        version: '1',
        description:
          'The record of trips by persons wanted under ICC arrest warrants, the alerts raised on them, the ' +
          "registry's people and states, and the law engine's duty to arrest. Every answer has an ETag; " +
          'errors are { error: { code, message, status } }.',
      },
      servers: [{ url: deps.publicUrl }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry: named }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: named }),
  });
  app.addHook('onSend', conditionalGet);
  // An answer of the API is the same for every reader: kept while the record is unchanged.
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().includes('GET')) route.config = { ...route.config, cache: true };
  });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  recordRoutes(typed, deps);
  registryRoutes(typed, deps);
  commentApiRoutes(typed, community);
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
